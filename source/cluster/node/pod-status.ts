// The kubelet's status manager for one pod: turns the pod's lifecycle state into pod.status, with the
// container states, conditions and phase a real kubelet reports.
import type {ContainerStatus, Pod, PodCondition} from '../objects/types.js';
import type {PodLifecycleContext} from '../machines/pod-lifecycle.js';
import {setCondition} from '../objects/conditions.js';
import type {Clock} from '../sim/clock.js';

export type PodPhaseState = 'containerCreating' | 'running' | 'terminating' | 'terminated';

export interface PodRuntimeView {
	state: PodPhaseState;
	context: PodLifecycleContext;
	podIP?: string;
	hostIP?: string;
	startTime: number;
}

/** A stable fake digest: images and containers get IDs that look real and never change between runs. */
export function fakeDigest(text: string): string {
	let out = '';
	let h = 0x811c9dc5;
	for (let round = 0; out.length < 64; round++) {
		for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
		h = Math.imul(h ^ round, 0x01000193) >>> 0;
		out += h.toString(16).padStart(8, '0');
	}
	return out.slice(0, 64);
}

function imageID(image: string): string {
	const repository = image.split(':')[0]!;
	const qualified = repository.includes('/') ? repository : `library/${repository}`;
	return `docker.io/${qualified}@sha256:${fakeDigest(image)}`;
}

export function computePodStatus(pod: Pod, view: PodRuntimeView, clock: Clock): NonNullable<Pod['status']> {
	const now = clock.timestamp();
	const {context} = view;
	const containers = pod.spec?.containers ?? [];
	const statuses: ContainerStatus[] = containers.map(c => {
		const started = context.startedAt[c.name];
		const base = {name: c.name, image: c.image!, imageID: '', restartCount: 0};
		if (started === undefined) {
			return {...base, ready: false, started: false, state: {waiting: {reason: 'ContainerCreating'}}};
		}
		const running = view.state === 'running' || view.state === 'terminating';
		return {
			...base, imageID: imageID(c.image!), containerID: `containerd://${fakeDigest(`${pod.metadata?.uid}/${c.name}`)}`,
			ready: view.state === 'running', started: running,
			state: {running: {startedAt: clock.timestamp(started)}},
		};
	});
	const unready = statuses.filter(s => !s.ready).map(s => s.name);
	const ready = unready.length === 0 && view.state === 'running';
	let conditions: PodCondition[] = pod.status?.conditions ?? [];
	const set = (type: string, ok: boolean, reason?: string, message?: string) => {
		conditions = setCondition(conditions, {type, status: ok ? 'True' : 'False', ...(ok ? {} : {reason, message})}, now);
	};
	set('PodReadyToStartContainers', view.podIP !== undefined);
	set('Initialized', true);
	set('Ready', ready, 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`);
	set('ContainersReady', ready, 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`);
	const anyStarted = statuses.some(s => s.started);
	return {
		...pod.status,
		phase: anyStarted ? 'Running' : 'Pending',
		conditions: order(conditions),
		...(view.hostIP ? {hostIP: view.hostIP, hostIPs: [{ip: view.hostIP}]} : {}),
		...(view.podIP ? {podIP: view.podIP, podIPs: [{ip: view.podIP}]} : {}),
		startTime: clock.timestamp(view.startTime),
		containerStatuses: statuses,
	};
}

const conditionOrder = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

/** kubectl describe lists conditions in the kubelet's order. */
function order(conditions: PodCondition[]): PodCondition[] {
	return [...conditions].sort((a, b) => conditionOrder.indexOf(a.type) - conditionOrder.indexOf(b.type));
}
