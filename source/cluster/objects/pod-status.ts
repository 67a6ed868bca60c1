// What kubectl prints for a pod: READY, STATUS and RESTARTS (kubectl's printPod, k8s.io/kubernetes/pkg/printers).
import type {Pod, Container, PodCondition} from './types.js';

export interface PodSummary {
	ready: number;
	total: number;
	/** The STATUS column: Running, ContainerCreating, Init:0/2, CrashLoopBackOff, Terminating, ... */
	status: string;
	restarts: number;
}

const isSidecar = (c: Container | undefined) => c?.restartPolicy === 'Always';
const conditionTrue = (conditions: PodCondition[] | undefined, type: string) =>
	conditions?.some(c => c.type === type && c.status === 'True') ?? false;

export function summarizePod(pod: Pod): PodSummary {
	const spec = pod.spec;
	const status = pod.status ?? {};
	let restarts = 0;
	let total = spec?.containers.length ?? 0;
	let ready = 0;
	let reason: string = status.reason || status.phase || 'Pending';

	const initContainers = new Map<string, Container>();
	for (const c of spec?.initContainers ?? []) {
		initContainers.set(c.name, c);
		if (isSidecar(c)) total++;
	}

	let initializing = false;
	const initStatuses = status.initContainerStatuses ?? [];
	for (let i = 0; i < initStatuses.length; i++) {
		const c = initStatuses[i]!;
		restarts += c.restartCount;
		const terminated = c.state?.terminated;
		const waiting = c.state?.waiting;
		if (terminated && terminated.exitCode === 0) continue;
		if (isSidecar(initContainers.get(c.name)) && c.started) {
			if (c.ready) ready++;
			continue;
		}
		if (terminated) {
			reason = terminated.reason
				? `Init:${terminated.reason}`
				: terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
		} else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
			reason = `Init:${waiting.reason}`;
		} else {
			reason = `Init:${i}/${spec?.initContainers?.length ?? 0}`;
		}
		initializing = true;
		break;
	}

	if (!initializing || conditionTrue(status.conditions, 'Initialized')) {
		restarts = 0;
		let hasRunning = false;
		const statuses = status.containerStatuses ?? [];
		for (let i = statuses.length - 1; i >= 0; i--) {
			const c = statuses[i]!;
			restarts += c.restartCount;
			const waiting = c.state?.waiting;
			const terminated = c.state?.terminated;
			if (waiting?.reason) reason = waiting.reason;
			else if (terminated?.reason) reason = terminated.reason;
			else if (terminated) reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
			else if (c.ready && c.state?.running) {
				hasRunning = true;
				ready++;
			}
		}
		if (reason === 'Completed' && hasRunning) {
			reason = conditionTrue(status.conditions, 'Ready') ? 'Running' : 'NotReady';
		}
	}

	const phase = status.phase;
	if (pod.metadata?.deletionTimestamp && status.reason === 'NodeLost') reason = 'Unknown';
	else if (pod.metadata?.deletionTimestamp && phase !== 'Succeeded' && phase !== 'Failed') reason = 'Terminating';

	return {ready, total, status: reason, restarts};
}

export function isPodReady(pod: Pod): boolean {
	return conditionTrue(pod.status?.conditions, 'Ready');
}

/** Ready for at least minReadySeconds at `now` (ms): the Deployment/ReplicaSet notion of "available". */
export function isPodAvailable(pod: Pod, minReadySeconds: number, now: number): boolean {
	const ready = pod.status?.conditions?.find(c => c.type === 'Ready' && c.status === 'True');
	if (!ready) return false;
	if (minReadySeconds === 0) return true;
	return ready.lastTransitionTime !== undefined && Date.parse(ready.lastTransitionTime) + minReadySeconds * 1000 <= now;
}

export function isPodTerminal(pod: Pod): boolean {
	return pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
}

/** Active in the ReplicaSet controller's sense: not terminal and not being deleted. */
export function isPodActive(pod: Pod): boolean {
	return !isPodTerminal(pod) && !pod.metadata?.deletionTimestamp;
}
