// Read-only views of the running cluster that no real cluster can give: what each component wrote in a tick,
// why the scheduler put a pod where it did, and the state of every control-plane process. Pure reads; each costs
// what it shows (one tick's writes, one pod's record), never a scan of the whole history.
import type {ApiServer, Trace} from '../api/index.js';
import type {Store} from '../store/index.js';
import type {KubeObject, Pod} from '../objects/types.js';
import type {Clock} from '../sim/clock.js';
import type {ComponentStatus} from '../client/controller.js';
import type {Scheduler} from '../control-plane/scheduler/scheduler.js';
import {resources} from '../api/registry.js';
import {isPodTerminal} from '../objects/pod-status.js';
import {entriesOfTick, groupLines, type ObjectReader, type TickTrace} from './trace-lines.js';
import {tickSummary} from './tick-summary.js';
import {whyReport, type WhyReport} from './why.js';
import {controlPlaneState, type ControlPlaneState} from './control-plane.js';

export interface InspectorSources {
	store: Store<KubeObject>;
	api: ApiServer;
	trace: Trace;
	clock: Clock;
	scheduler?: Scheduler;
	components(): ComponentStatus[];
}

export class ClusterInspector {
	private readonly reader: ObjectReader;

	constructor(private readonly s: InspectorSources) {
		this.reader = {
			at(resource, namespace, name, revision) {
				try {
					return s.store.get(namespace ? `/registry/${resource}/${namespace}/${name}` : `/registry/${resource}/${name}`, {revision})?.value;
				} catch {
					return undefined; // compacted away
				}
			},
		};
	}

	/** The ticks whose writes the trace holds whole: from the oldest kept to the current one. */
	history(): {oldest: number; newest: number} {
		const entries = this.s.trace.list();
		const newest = this.s.clock.tick;
		const dropped = this.s.trace.size > entries.length;
		// Compaction may have cut the oldest kept tick in two: it is whole only when nothing was dropped.
		const oldest = !dropped ? 0 : entries.length > 0 ? entries[0]!.tick + 1 : newest;
		return {oldest: Math.min(oldest, newest), newest};
	}

	private inHistory(tick: number): {oldest: number; newest: number} {
		const range = this.history();
		if (!Number.isInteger(tick) || tick < range.oldest || tick > range.newest) {
			throw new Error(`tick ${tick} is not in history: ticks ${range.oldest}-${range.newest} are kept`);
		}
		return range;
	}

	/** One tick's writes as lines grouped by component (default: the last tick). Throws for a tick not in history. */
	trace(tick = this.s.clock.tick): TickTrace {
		const {oldest, newest} = this.inHistory(tick);
		const entries = entriesOfTick(this.s.trace.list(), tick);
		return {tick, oldest, newest, writes: entries.length, groups: groupLines(entries, this.reader)};
	}

	/** `tick 3: kube-scheduler bound 2 pods; kubelet@worker-1 pulled 1 image` for the last tick. */
	summary(tick = this.s.clock.tick): string {
		this.inHistory(tick);
		return tickSummary(tick, entriesOfTick(this.s.trace.list(), tick));
	}

	/** The scheduler's last cycle for a pod. Throws the API's NotFound for a pod that does not exist. */
	why(namespace: string, name: string): WhyReport {
		const pod = this.s.api.get('pods', name, namespace) as Pod;
		const key = `${pod.metadata!.namespace}/${pod.metadata!.name}`;
		const scheduler = this.s.scheduler;
		return whyReport(pod, scheduler?.lastAttempt(key), scheduler?.placements.get(key), scheduler?.keptAttempts ?? 0);
	}

	/** kube-apiserver, etcd, kube-scheduler, the controllers and the kubelets, with the last tick's work. */
	controlPlane(): ControlPlaneState {
		const {store, api, clock, scheduler} = this.s;
		const podsByNode = new Map<string, number>();
		for (const kv of store.range('/registry/pods/').kvs) {
			const pod = kv.value as Pod;
			const node = pod.spec?.nodeName;
			if (node && !isPodTerminal(pod)) podsByNode.set(node, (podsByNode.get(node) ?? 0) + 1);
		}
		return controlPlaneState({
			tick: clock.tick,
			entries: entriesOfTick(this.s.trace.list(), clock.tick),
			components: this.s.components(),
			watchers: api.watchers(),
			etcd: {
				revision: store.revision, objects: store.count('/registry/'), compactRevision: store.compactRevision,
				keys: resources.map(r => ({resource: r.resource, count: store.count(`/registry/${r.resource}/`)})).filter(k => k.count > 0),
			},
			...(scheduler ? {schedulerQueue: scheduler.queueLengths()} : {}),
			podsByNode,
		});
	}
}

export type {TickTrace, TraceGroup, TraceLine, TraceObjectRef} from './trace-lines.js';
export type {WhyReport, WhyRow, FilterVerdict, ScoreCell} from './why.js';
export type {ControlPlaneState, LoopState} from './control-plane.js';
export {componentName} from './names.js';
