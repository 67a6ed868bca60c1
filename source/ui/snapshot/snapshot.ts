// Everything the dashboard shows at one moment of the cluster, derived once per change (never per render).
import type {Cluster, Deployment, Event, KubeObject, Node, Pod} from '../../cluster/index.js';
import {nodeUsage} from '../render/node-usage.js';
import {rendererFor, renderers} from '../render/registry.js';
import type {RenderContext, ResourceName, ResourceRenderer} from '../render/types.js';
import {buildTable, type TableData} from './table-data.js';
import type {Scope} from '../state/types.js';

/** The part of the cluster facade the dashboard uses. */
export type DashboardCluster = Pick<Cluster, 'name' | 'clock' | 'client' | 'kubectl' | 'step' | 'stepInPhases' | 'run' | 'subscribe' | 'operations'>
	/** kubetui's own views (trace, why, control plane); a wrapped cluster without it shows them as unavailable. */
	& Partial<Pick<Cluster, 'inspect'>>;

export interface Snapshot {
	name: string;
	tick: number;
	/** Simulated time, epoch ms. */
	now: number;
	tables: Record<ResourceName, TableData>;
	/** The last tick in one line (`tick 3: kube-scheduler bound 2 pods; ...`), for the home screen. */
	summary: string;
}

function list<T extends KubeObject>(cluster: DashboardCluster, resource: ResourceName): T[] {
	return cluster.client.list<T>(resource).items;
}

export function deriveSnapshot(cluster: DashboardCluster): Snapshot {
	const now = cluster.clock.now();
	const pods = list<Pod>(cluster, 'pods');
	const ctx: RenderContext = {now, nodeUsage: nodeUsage(pods)};
	const table = <T extends KubeObject>(renderer: ResourceRenderer<T>, objects: T[]) => buildTable(renderer, objects, ctx);
	return {
		name: cluster.name,
		tick: cluster.clock.tick,
		now,
		tables: {
			deployments: table(renderers.deployments, list<Deployment>(cluster, 'deployments')),
			nodes: table(renderers.nodes, list<Node>(cluster, 'nodes')),
			pods: table(renderers.pods, pods),
			events: table(renderers.events, list<Event>(cluster, 'events')),
		},
		summary: cluster.inspect?.summary() ?? '',
	};
}

/** The table of a resource view (`:cm`, or pods of a node), derived like the panes' tables; ages read the same
 * simulated time. A scope narrows the list as the API would (selectors) or by owner. */
export function deriveViewTable(cluster: DashboardCluster, resource: string, scope?: Scope): TableData | undefined {
	const renderer = rendererFor(resource);
	if (!renderer) return undefined;
	const pods = resource === 'nodes' ? list<Pod>(cluster, 'pods') : [];
	const ctx: RenderContext = {now: cluster.clock.now(), nodeUsage: nodeUsage(pods)};
	let objects = cluster.client.list(resource, {
		...(scope?.namespace ? {namespace: scope.namespace} : {}),
		...(scope?.labelSelector ? {labelSelector: scope.labelSelector} : {}),
		...(scope?.fieldSelector ? {fieldSelector: scope.fieldSelector} : {}),
	}).items;
	if (scope?.ownerUid) objects = objects.filter(o => o.metadata?.ownerReferences?.some(r => r.uid === scope.ownerUid));
	return buildTable(renderer, objects, ctx);
}
