// Builders and small helpers shared by the cluster-core tests: inline objects instead of fixtures,
// and ways to step a cluster until something holds (never wall-clock sleeps).
import {mkdtempSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {
	createCluster, summarizePod,
	type Cluster, type ClusterOptions, type Deployment, type Event, type KubeObject, type Node, type Pod, type ReplicaSet,
} from '../../source/cluster/index.js';

export interface NodeOptions {
	cpu?: string;
	memory?: string;
	pods?: string;
	labels?: Record<string, string>;
	taints?: Array<{key: string; value?: string; effect: string}>;
	unschedulable?: boolean;
}

export function nodeObject(name: string, options: NodeOptions = {}): Node {
	return {
		apiVersion: 'v1', kind: 'Node',
		metadata: {name, labels: {'kubernetes.io/hostname': name, ...options.labels}},
		spec: {
			...(options.taints ? {taints: options.taints} : {}),
			...(options.unschedulable ? {unschedulable: true} : {}),
		},
		status: {capacity: {cpu: options.cpu ?? '4', memory: options.memory ?? '8Gi', pods: options.pods ?? '110'}},
	} as Node;
}

export interface DeploymentOptions {
	image?: string;
	cpu?: string;
	memory?: string;
	namespace?: string;
	labels?: Record<string, string>;
	maxSurge?: number | string;
	maxUnavailable?: number | string;
}

export function deploymentObject(name: string, replicas: number, options: DeploymentOptions = {}): Deployment {
	const requests: Record<string, string> = {};
	if (options.cpu) requests['cpu'] = options.cpu;
	if (options.memory) requests['memory'] = options.memory;
	const rolling = options.maxSurge !== undefined || options.maxUnavailable !== undefined
		? {strategy: {type: 'RollingUpdate', rollingUpdate: {
			...(options.maxSurge !== undefined ? {maxSurge: options.maxSurge} : {}),
			...(options.maxUnavailable !== undefined ? {maxUnavailable: options.maxUnavailable} : {}),
		}}}
		: {};
	return {
		apiVersion: 'apps/v1', kind: 'Deployment',
		metadata: {name, ...(options.namespace ? {namespace: options.namespace} : {}), labels: {app: name, ...options.labels}},
		spec: {
			replicas,
			selector: {matchLabels: {app: name}},
			...rolling,
			template: {
				metadata: {labels: {app: name}},
				spec: {containers: [{name, image: options.image ?? 'nginx:1.27', ...(Object.keys(requests).length ? {resources: {requests}} : {})}]},
			},
		},
	} as Deployment;
}

export function podObject(name: string, options: {labels?: Record<string, string>; image?: string; namespace?: string; cpu?: string} = {}): Pod {
	return {
		apiVersion: 'v1', kind: 'Pod',
		metadata: {name, ...(options.namespace ? {namespace: options.namespace} : {}), ...(options.labels ? {labels: options.labels} : {})},
		spec: {containers: [{name: 'main', image: options.image ?? 'nginx:1.27', ...(options.cpu ? {resources: {requests: {cpu: options.cpu}}} : {})}]},
	} as Pod;
}

/** A cluster with the given nodes created before the first tick. */
export function clusterWith(nodes: Node[], options: ClusterOptions = {}): Cluster {
	const cluster = createCluster(options);
	for (const node of nodes) cluster.client.create('nodes', node);
	return cluster;
}

/** Step one tick at a time until `done` holds; fails (throws) after `maxTicks`. Returns the ticks taken. */
export function stepUntil(cluster: Cluster, done: () => boolean, maxTicks = 60, what = 'condition'): number {
	for (let i = 1; i <= maxTicks; i++) {
		cluster.step();
		if (done()) return i;
	}
	throw new Error(`${what} not reached within ${maxTicks} ticks (at tick ${cluster.clock.tick})`);
}

export const pods = (cluster: Cluster, labelSelector?: string): Pod[] =>
	cluster.client.list<Pod>('pods', labelSelector ? {labelSelector} : {}).items;

export const replicaSets = (cluster: Cluster, labelSelector?: string): ReplicaSet[] =>
	cluster.client.list<ReplicaSet>('replicasets', labelSelector ? {labelSelector} : {}).items;

export const events = (cluster: Cluster, reason?: string): Event[] =>
	cluster.client.list<Event>('events', reason ? {fieldSelector: `reason=${reason}`} : {}).items;

export const eventsFor = (cluster: Cluster, name: string, reason?: string): Event[] =>
	events(cluster, reason).filter(e => e.involvedObject.name === name);

export const podStatus = (pod: Pod) => summarizePod(pod).status;

export const isRunningReady = (pod: Pod) =>
	podStatus(pod) === 'Running' && (pod.status?.conditions ?? []).some(c => c.type === 'Ready' && c.status === 'True');

/** All pods of a label selector exist, are Running and Ready, and none is terminating. */
export function allRunning(cluster: Cluster, labelSelector: string, count: number): boolean {
	const list = pods(cluster, labelSelector);
	return list.length === count && list.every(p => isRunningReady(p) && !p.metadata?.deletionTimestamp);
}

/** Write `text` to a fresh temporary file and return its path. */
export function tempFile(name: string, text: string): string {
	const dir = mkdtempSync(join(tmpdir(), 'kubetui-test-'));
	const path = join(dir, name);
	writeFileSync(path, text);
	return path;
}

export const names = (list: readonly KubeObject[]) => list.map(o => o.metadata!.name!).sort();
