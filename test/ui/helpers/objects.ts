// Plain Kubernetes objects for renderer tests: the fields a column reads, nothing else.
import type {Deployment, Event, Node, Pod} from '../../../source/cluster/index.js';
import type {RenderContext} from '../../../source/ui/render/types.js';

export const epoch = Date.UTC(2026, 0, 1);
export const at = (seconds: number) => new Date(epoch + seconds * 1000).toISOString().replace('.000Z', 'Z');
export const ctxAt = (seconds: number, nodeUsage: RenderContext['nodeUsage'] = new Map()): RenderContext => ({now: epoch + seconds * 1000, nodeUsage});

type ContainerState = NonNullable<NonNullable<Pod['status']>['containerStatuses']>[number]['state'];

export function pod(name: string, options: {
	namespace?: string;
	node?: string;
	ip?: string;
	phase?: string;
	state?: ContainerState;
	ready?: boolean;
	restarts?: number;
	created?: number;
	deleting?: boolean;
	cpu?: string;
	memory?: string;
} = {}): Pod {
	const state = options.state ?? (options.phase === 'Running' ? {running: {startedAt: at(0)}} : undefined);
	return {
		apiVersion: 'v1', kind: 'Pod',
		metadata: {
			name, namespace: options.namespace ?? 'default', creationTimestamp: at(options.created ?? 0),
			...(options.deleting ? {deletionTimestamp: at(100)} : {}),
		},
		spec: {
			...(options.node ? {nodeName: options.node} : {}),
			containers: [{name: 'app', image: 'nginx', resources: {requests: {cpu: options.cpu ?? '100m', memory: options.memory ?? '128Mi'}}}],
		},
		status: {
			phase: options.phase ?? 'Pending',
			...(options.ip ? {podIP: options.ip} : {}),
			...(state ? {containerStatuses: [{name: 'app', image: 'nginx', imageID: '', ready: options.ready ?? false, restartCount: options.restarts ?? 0, state}]} : {}),
			...(options.ready ? {conditions: [{type: 'Ready', status: 'True'}]} : {}),
		},
	};
}

export function node(name: string, options: {ready?: boolean; unschedulable?: boolean; roles?: string[]; cpu?: string; memory?: string; taints?: number} = {}): Node {
	const labels: Record<string, string> = {'kubernetes.io/hostname': name};
	for (const role of options.roles ?? []) labels[`node-role.kubernetes.io/${role}`] = '';
	return {
		apiVersion: 'v1', kind: 'Node',
		metadata: {name, labels, creationTimestamp: at(0)},
		spec: {
			...(options.unschedulable ? {unschedulable: true} : {}),
			...(options.taints ? {taints: Array.from({length: options.taints}, (_, i) => ({key: `t${i}`, effect: 'NoSchedule'}))} : {}),
		},
		status: {
			allocatable: {cpu: options.cpu ?? '4', memory: options.memory ?? '8Gi', pods: '110'},
			conditions: [{type: 'Ready', status: options.ready === false ? 'False' : 'True'}],
			nodeInfo: {kubeletVersion: 'v1.30.0'} as NonNullable<Node['status']>['nodeInfo'],
		},
	};
}

export function deployment(name: string, options: {replicas?: number; available?: number; ready?: number; updated?: number; failed?: boolean; namespace?: string} = {}): Deployment {
	return {
		apiVersion: 'apps/v1', kind: 'Deployment',
		metadata: {name, namespace: options.namespace ?? 'default', creationTimestamp: at(0), labels: {app: name}},
		spec: {replicas: options.replicas ?? 1, selector: {matchLabels: {app: name}}, template: {metadata: {labels: {app: name}}, spec: {containers: [{name: 'app', image: 'nginx'}]}}},
		status: {
			availableReplicas: options.available ?? 0,
			readyReplicas: options.ready ?? options.available ?? 0,
			updatedReplicas: options.updated ?? options.replicas ?? 1,
			...(options.failed ? {conditions: [{type: 'Progressing', status: 'False', reason: 'ProgressDeadlineExceeded'}]} : {}),
		},
	};
}

export function event(name: string, options: {type?: string; reason?: string; message?: string; kind?: string; object?: string; last?: number; resourceVersion?: string; count?: number} = {}): Event {
	return {
		apiVersion: 'v1', kind: 'Event',
		metadata: {name, namespace: 'default', resourceVersion: options.resourceVersion ?? '1'},
		involvedObject: {kind: options.kind ?? 'Pod', name: options.object ?? 'web-1', namespace: 'default'},
		reason: options.reason ?? 'Scheduled',
		message: options.message ?? 'Successfully assigned default/web-1 to worker-1',
		type: options.type ?? 'Normal',
		firstTimestamp: at(0),
		lastTimestamp: at(options.last ?? 0),
		count: options.count ?? 1,
	};
}
