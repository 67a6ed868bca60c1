// The control plane as a set of processes, each with its last tick's work: kube-apiserver, etcd, kube-scheduler,
// kube-controller-manager's controllers, and every node's kubelet. Loop states are shown as the components give them
// (a stopped component says so itself).
import type {ComponentStatus} from '../client/controller.js';
import type {TraceEntry} from '../api/trace.js';
import {componentName, controllerName} from './names.js';

export interface LoopState {
	/** Upstream's name (kube-scheduler, replicaset-controller, kubelet@node-2). */
	name: string;
	identity: string;
	/** The process it runs in (controller-manager, cloud-controller-manager, scheduler, kubelet). */
	process: string;
	/** idle, reconciling, backoff, stopped (its process was stopped), partitioned (a kubelet cut off). */
	state: string;
	/** Keys queued now and keys waiting for a retry or backoff. */
	queue: number;
	/** Writes its identity made in the last tick (components that share an identity share this count). */
	writes: number;
	failures: number;
	lastError?: string;
}

export interface ControlPlaneState {
	tick: number;
	apiserver: {writes: number; watchers: number; watchersByResource: Array<{resource: string; watchers: number}>};
	etcd: {revision: number; objects: number; compactRevision: number; keys: Array<{resource: string; count: number}>};
	scheduler?: LoopState & {active: number; backoff: number; unschedulable: number; bound: number};
	controllers: LoopState[];
	kubelets: Array<LoopState & {node: string; pods: number}>;
}

export interface ControlPlaneSources {
	tick: number;
	/** The last tick's writes. */
	entries: readonly TraceEntry[];
	components: readonly ComponentStatus[];
	watchers: ReadonlyMap<string, number>;
	etcd: ControlPlaneState['etcd'];
	schedulerQueue?: {active: number; backoff: number; unschedulable: number};
	/** Pods bound to each node that have not finished. */
	podsByNode: ReadonlyMap<string, number>;
}

const nodePrefix = 'system:node:';
const schedulerIdentity = 'system:kube-scheduler';

export function controlPlaneState(s: ControlPlaneSources): ControlPlaneState {
	const writes = new Map<string, number>();
	let bound = 0;
	for (const e of s.entries) {
		writes.set(e.component, (writes.get(e.component) ?? 0) + 1);
		if (e.component === schedulerIdentity && e.resource === 'pods/binding') bound++;
	}
	const loop = (c: ComponentStatus, name = c.name): LoopState => ({
		name, identity: c.identity, process: c.process, state: c.state, queue: c.queue, writes: writes.get(c.identity) ?? 0, failures: c.failures,
		...(c.lastError ? {lastError: c.lastError} : {}),
	});
	const scheduler = s.components.find(c => c.identity === schedulerIdentity);
	const kubelets = s.components.filter(c => c.identity.startsWith(nodePrefix)).map(c => {
		const node = c.identity.slice(nodePrefix.length);
		return {...loop(c, componentName(c.identity)), node, pods: s.podsByNode.get(node) ?? 0};
	});
	// kube-proxy is a node agent (one per node), not a controller of the control plane.
	const controllers = s.components.filter(c => c !== scheduler && !c.identity.startsWith(nodePrefix) && c.process !== 'kube-proxy').map(c => loop(c, controllerName(c.name)));
	const watchersByResource = [...s.watchers].filter(([, n]) => n > 0).map(([resource, watchers]) => ({resource, watchers})).sort((a, b) => (a.resource < b.resource ? -1 : 1));
	return {
		tick: s.tick,
		apiserver: {writes: s.entries.length, watchers: watchersByResource.reduce((sum, w) => sum + w.watchers, 0), watchersByResource},
		etcd: s.etcd,
		...(scheduler ? {scheduler: {...loop(scheduler), active: 0, backoff: 0, unschedulable: 0, ...s.schedulerQueue, bound}} : {}),
		controllers,
		kubelets,
	};
}
