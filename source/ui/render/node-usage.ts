// What the pods bound to each node request: the nodes pane's PODS, CPU and MEM (k9s shows metrics; a simulated
// cluster has requests, which is what the scheduler counts).
import {podRequests as schedulerRequests, type Pod} from '../../cluster/index.js';
import type {NodeUsage} from './types.js';

interface Requests {
	milliCPU: number;
	memory: number;
}

// Objects from the API are frozen: a pod's requests are parsed once per object, not once per tick.
const cache = new WeakMap<Pod, Requests>();

/** Requests of one pod, counted exactly as the scheduler counts them. */
export function podRequests(pod: Pod): Requests {
	let requests = cache.get(pod);
	if (!requests) cache.set(pod, (requests = schedulerRequests(pod)));
	return requests;
}

/** Usage per node name, from pods that are bound and not finished. */
export function nodeUsage(pods: readonly Pod[]): Map<string, NodeUsage> {
	const usage = new Map<string, NodeUsage>();
	for (const pod of pods) {
		const node = pod.spec?.nodeName;
		if (!node) continue;
		const phase = pod.status?.phase;
		if (phase === 'Succeeded' || phase === 'Failed') continue;
		const requests = podRequests(pod);
		const entry = usage.get(node) ?? {pods: 0, milliCPU: 0, memory: 0};
		entry.pods++;
		entry.milliCPU += requests.milliCPU;
		entry.memory += requests.memory;
		usage.set(node, entry);
	}
	return usage;
}
