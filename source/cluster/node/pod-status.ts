// The kubelet's status manager for one pod: turns the pod worker's containers into pod.status, with
// the container states, conditions and phase a real kubelet reports (kubelet_pods.go getPhase,
// generateAPIPodStatus).
import type {ContainerStatus, Pod, PodCondition} from '../objects/types.js';
import {setCondition} from '../objects/conditions.js';
import type {Clock} from '../sim/clock.js';
import {restartCount, type Termination} from '../machines/container.js';
import type {ContainerRun, PodWorker} from './pod-worker.js';
import {fakeDigest} from './digest.js';

export interface PodRuntimeView {
	worker: PodWorker;
	podIP?: string;
	hostIP?: string;
	startTime: number;
}

function imageID(image: string): string {
	const repository = image.split(':')[0]!;
	const qualified = repository.includes('/') ? repository : `library/${repository}`;
	return `docker.io/${qualified}@sha256:${fakeDigest(image)}`;
}

function terminated(t: Termination, clock: Clock) {
	return {
		exitCode: t.exitCode, reason: t.reason, ...(t.message ? {message: t.message} : {}), ...(t.signal ? {signal: t.signal} : {}),
		startedAt: clock.timestamp(t.startedAt), finishedAt: clock.timestamp(t.finishedAt), containerID: t.containerID,
	};
}

function containerStatus(worker: PodWorker, run: ContainerRun, clock: Clock): ContainerStatus {
	const s = worker.state(run);
	const image = run.spec.image ?? '';
	const status: ContainerStatus = {name: run.spec.name, image, imageID: s.runs > 0 ? imageID(image) : '', restartCount: restartCount(s), ready: false, started: false, state: {}};
	if (s.value === 'running') {
		status.state = {running: {startedAt: clock.timestamp(s.startedAt)}};
		status.ready = s.ready;
		status.started = s.started;
	} else if (s.value === 'terminated') {
		status.state = {terminated: terminated(s.terminated!, clock)};
		// The prober manager reports an init container that completed as ready.
		status.ready = run.role === 'init' && s.terminated!.exitCode === 0;
	} else {
		status.state = {waiting: {reason: s.waiting.reason, ...(s.waiting.message ? {message: s.waiting.message} : {})}};
	}
	status.lastState = s.lastTerminated ? {terminated: terminated(s.lastTerminated, clock)} : {};
	if (s.containerID) status.containerID = s.containerID;
	return status;
}

/** getPhase: Pending while initialising or any container waits for its first start; then by restart policy. */
function phase(pod: Pod, worker: PodWorker, statuses: ContainerStatus[], initFailed: boolean): string {
	const policy = pod.spec?.restartPolicy ?? 'Always';
	if (initFailed && policy === 'Never') return 'Failed';
	if (!worker.initialized) return 'Pending';
	let running = 0, waiting = 0, stopped = 0, succeeded = 0;
	for (const s of statuses) {
		if (s.state?.running) running++;
		else if (s.state?.terminated) {
			stopped++;
			if (s.state.terminated.exitCode === 0) succeeded++;
		} else if (s.lastState?.terminated) stopped++;
		else waiting++;
	}
	if (waiting > 0) return 'Pending';
	if (running > 0) return 'Running';
	if (stopped > 0) {
		if (policy === 'Always') return 'Running';
		if (stopped === succeeded) return 'Succeeded';
		if (policy === 'Never') return 'Failed';
		return 'Running';
	}
	return 'Pending';
}

export function computePodStatus(pod: Pod, view: PodRuntimeView, clock: Clock): NonNullable<Pod['status']> {
	const now = clock.timestamp();
	const {worker} = view;
	const regular = worker.runs.filter(r => r.role === 'regular');
	const init = worker.runs.filter(r => r.role !== 'regular');
	const statuses = regular.map(r => containerStatus(worker, r, clock));
	const initStatuses = init.map(r => containerStatus(worker, r, clock));
	const initFailed = init.some(r => r.role === 'init' && worker.state(r).value === 'terminated' && worker.state(r).terminated!.exitCode !== 0);
	const podPhase = phase(pod, worker, statuses, initFailed);
	const terminal = podPhase === 'Succeeded' || podPhase === 'Failed';
	const sidecars = initStatuses.filter((_, i) => init[i]!.role === 'sidecar');
	const unready = [...sidecars, ...statuses].filter(s => !s.ready).map(s => s.name);
	const ready = unready.length === 0 && worker.initialized && worker.phase !== 'terminating';
	let conditions: PodCondition[] = pod.status?.conditions ?? [];
	const set = (type: string, ok: boolean, reason?: string, message?: string) => {
		conditions = setCondition(conditions, {type, status: ok ? 'True' : 'False', ...(ok ? {} : {reason, message})}, now);
	};
	set('PodReadyToStartContainers', view.podIP !== undefined);
	const incomplete = init.filter((r, i) => r.role === 'init' ? !(initStatuses[i]!.state?.terminated?.exitCode === 0) : !initStatuses[i]!.started).map(r => r.spec.name);
	set('Initialized', worker.initialized, 'ContainersNotInitialized', `containers with incomplete status: [${incomplete.join(' ')}]`);
	if (terminal) {
		set('Ready', false, 'PodCompleted', '');
		set('ContainersReady', false, 'PodCompleted', '');
	} else {
		set('Ready', ready, 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`);
		set('ContainersReady', ready, 'ContainersNotReady', `containers with unready status: [${unready.join(' ')}]`);
	}
	return {
		...pod.status,
		phase: podPhase,
		conditions: order(conditions),
		...(view.hostIP ? {hostIP: view.hostIP, hostIPs: [{ip: view.hostIP}]} : {}),
		...(view.podIP ? {podIP: view.podIP, podIPs: [{ip: view.podIP}]} : {}),
		startTime: clock.timestamp(view.startTime),
		...(initStatuses.length ? {initContainerStatuses: initStatuses} : {}),
		containerStatuses: statuses,
	};
}

const conditionOrder = ['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled'];

/** kubectl describe lists conditions in the kubelet's order. */
function order(conditions: PodCondition[]): PodCondition[] {
	return [...conditions].sort((a, b) => conditionOrder.indexOf(a.type) - conditionOrder.indexOf(b.type));
}
