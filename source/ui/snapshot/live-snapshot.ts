// The dashboard's snapshot kept from watch events: one live table per home pane, and the nodes pane's usage summed
// as pods change (not re-counted over every pod). Read once per cluster change; reading costs what changed, plus
// one pass over the rows for the columns that show the time.
import type {Deployment, Event, KubeObject, Node, Pod} from '../../cluster/index.js';
import {podRequests} from '../render/node-usage.js';
import {rendererFor, renderers} from '../render/registry.js';
import type {NodeUsage, RenderContext, ResourceName} from '../render/types.js';
import {LiveTable} from './live-table.js';
import type {DashboardCluster, Snapshot} from './snapshot.js';
import type {TableData} from './table-data.js';

/** Pods bound to nodes and what they request, kept up to date pod by pod. */
export class UsageTracker {
	readonly usage = new Map<string, NodeUsage>();
	/** Bumped on every change: the nodes table re-derives PODS/CPU/MEM when it moves. */
	version = 0;

	change(old: Pod | undefined, next: Pod | undefined): void {
		if (old) this.add(old, -1);
		if (next) this.add(next, 1);
	}

	private add(pod: Pod, sign: 1 | -1): void {
		const node = pod.spec?.nodeName;
		if (!node) return;
		const phase = pod.status?.phase;
		if (phase === 'Succeeded' || phase === 'Failed') return;
		const requests = podRequests(pod);
		const entry = this.usage.get(node) ?? {pods: 0, milliCPU: 0, memory: 0};
		entry.pods += sign;
		entry.milliCPU += sign * requests.milliCPU;
		entry.memory += sign * requests.memory;
		if (entry.pods === 0) this.usage.delete(node);
		else this.usage.set(node, entry);
		this.version++;
	}
}

export class LiveSnapshot {
	private readonly usage = new UsageTracker();
	private readonly pods: LiveTable<Pod>;
	private readonly tables: {deployments: LiveTable<Deployment>; nodes: LiveTable<Node>; events: LiveTable<Event>};
	/** The open resource view's table (`:cm`), watched while it is open. */
	private view: {resource: string; table: LiveTable} | undefined;

	constructor(private readonly cluster: DashboardCluster) {
		const {client} = cluster;
		this.pods = new LiveTable(client, renderers.pods, (old, next) => this.usage.change(old, next)).start();
		this.tables = {
			deployments: new LiveTable(client, renderers.deployments).start(),
			nodes: new LiveTable(client, renderers.nodes).start(),
			events: new LiveTable(client, renderers.events).start(),
		};
	}

	private context(): {ctx: RenderContext; liveKey: string} {
		const now = this.cluster.clock.now();
		return {ctx: {now, nodeUsage: this.usage.usage}, liveKey: `${now}`};
	}

	snapshot(): Snapshot {
		const {ctx, liveKey} = this.context();
		// Pods first: their changes move the nodes' usage.
		const pods = this.pods.table(ctx, liveKey);
		const tables: Record<ResourceName, TableData> = {
			deployments: this.tables.deployments.table(ctx, liveKey),
			nodes: this.tables.nodes.table(ctx, `${liveKey}:${this.usage.version}`),
			pods,
			events: this.tables.events.table(ctx, liveKey),
		};
		return {name: this.cluster.name, tick: this.cluster.clock.tick, now: ctx.now, tables, summary: this.cluster.inspect?.summary() ?? ''};
	}

	/** The table of any resource (plural name), watched from now until another is asked for; undefined if not served. */
	viewTable(resource: string): TableData | undefined {
		if (resource in this.tables || resource === 'pods') return this.snapshot().tables[resource as ResourceName];
		if (this.view?.resource !== resource) {
			this.view?.table.stop();
			const renderer = rendererFor(resource);
			this.view = renderer ? {resource, table: new LiveTable<KubeObject>(this.cluster.client, renderer).start()} : undefined;
		}
		if (!this.view) return undefined;
		const {ctx, liveKey} = this.context();
		this.pods.table(ctx, liveKey);
		return this.view.table.table(ctx, liveKey);
	}

	stop(): void {
		for (const table of [this.pods, ...Object.values(this.tables)]) table.stop();
		this.view?.table.stop();
	}
}

const shared = new WeakMap<DashboardCluster, LiveSnapshot>();

/** One live snapshot per cluster, shared by the hooks that read it (home panes and resource views). */
export function liveSnapshot(cluster: DashboardCluster): LiveSnapshot {
	let live = shared.get(cluster);
	if (!live) shared.set(cluster, (live = new LiveSnapshot(cluster)));
	return live;
}
