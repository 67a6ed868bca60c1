// kube-scheduler: takes each unscheduled pod, filters the nodes, scores the feasible ones, and binds
// the pod to the best through the binding subresource. Pods that fit nowhere wait as "unschedulable"
// until the cluster changes, then retry after a backoff.
import type {Node, Pod} from '../../objects/types.js';
import {objectKey} from '../../objects/types.js';
import {Component, type ComponentContext} from '../../client/controller.js';
import type {Informer} from '../../client/informer.js';
import {isPodTerminal} from '../../objects/pod-status.js';
import {setCondition} from '../../objects/conditions.js';
import {isStatusError} from '../../api/index.js';
import {podInfo, type NodeInfo, type PodInfo} from './framework.js';
import {SchedulerCache} from './cache.js';
import {filterPlugins, scorePlugins} from './plugins/index.js';
import {RecentAttempts, type SchedulingAttempt, type ScoreRecord} from './attempt.js';

/** Why a pod could not be placed: per node, the first failing filter's reasons. */
export interface Diagnosis {
	tick: number;
	nodes: number;
	reasons: ReadonlyMap<string, readonly string[]>;
	message: string;
	/** The whole cycle that failed (filter verdicts per node). */
	attempt: SchedulingAttempt;
}

export interface Placement {
	tick: number;
	node: string;
	feasible: number;
	evaluated: number;
	score: number;
}

const filterNames = filterPlugins.map(p => p.name);
const none = new Uint8Array(0);
const initialBackoffSeconds = 1;
const maxBackoffSeconds = 10;
/** podMaxInUnschedulablePodsDuration: a pod waits at most this long for a helpful cluster event. */
const maxUnschedulableMs = 5 * 60_000;
/** flushUnschedulablePodsLeftover runs this often. */
const flushIntervalMs = 30_000;

export class Scheduler extends Component {
	override readonly process = 'scheduler';
	private readonly pods: Informer<Pod>;
	private readonly nodes: Informer<Node>;
	private readonly cache = new SchedulerCache();
	/** Pods that fit nowhere, waiting for a cluster event: key -> when they last failed (epoch ms). */
	private readonly unschedulable = new Map<string, number>();
	private lastFlush = 0;
	private readonly attempts = new Map<string, number>();
	private nextStartNodeIndex = 0;
	/** Why each waiting pod waits; the "why pending" view reads this. */
	readonly diagnoses = new Map<string, Diagnosis>();
	/** Where each pod went and why, for the last placements. */
	readonly placements = new Map<string, Placement>();
	/** The full record (verdicts and scores per node) of the newest bindings; a waiting pod's is in its diagnosis. */
	private readonly recent = new RecentAttempts();

	constructor(ctx: ComponentContext) {
		super('kube-scheduler', 'system:kube-scheduler', ctx, {component: 'default-scheduler'});
		this.pods = this.informer<Pod>('pods');
		this.nodes = this.informer<Node>('nodes');
		this.on(this.pods, {
			add: pod => this.onPod(pod),
			update: (old, pod) => {
				const freed = (old.spec?.nodeName && isPodTerminal(pod) && !isPodTerminal(old));
				this.onPod(pod);
				if (freed) this.moveAllToActive();
			},
			delete: pod => {
				const key = objectKey(pod);
				this.forget(key);
				this.placements.delete(key);
				this.recent.delete(key);
				if (this.cache.removePod(key)) this.moveAllToActive();
			},
		});
		this.on(this.nodes, {
			add: node => {
				this.cache.setNode(node);
				this.moveAllToActive();
			},
			update: (_, node) => {
				this.cache.setNode(node);
				this.moveAllToActive();
			},
			delete: node => this.cache.removeNode(node.metadata!.name!),
		});
		this.pods.start();
		this.nodes.start();
	}

	private onPod(pod: Pod): void {
		const key = objectKey(pod);
		if (pod.spec?.nodeName) {
			if (isPodTerminal(pod)) this.cache.removePod(key);
			else if (!this.cache.isPlaced(key, pod.spec.nodeName)) this.cache.addPod(key, pod.spec.nodeName, podInfo(pod, key));
			this.forget(key);
			return;
		}
		if (pod.metadata?.deletionTimestamp || (pod.spec?.schedulerName ?? 'default-scheduler') !== 'default-scheduler') return;
		if (!this.unschedulable.has(key)) this.queue.add(key);
	}

	private forget(key: string): void {
		this.unschedulable.delete(key);
		this.attempts.delete(key);
		this.diagnoses.delete(key);
	}

	/** A cluster event that may help waiting pods: each goes back after its backoff. */
	private moveAllToActive(): void {
		for (const key of this.unschedulable.keys()) {
			const attempts = this.attempts.get(key) ?? 1;
			const backoff = Math.min(initialBackoffSeconds * 2 ** (attempts - 1), maxBackoffSeconds);
			this.queue.addAfter(key, Math.max(1, Math.ceil(backoff / this.ctx.clock.tickSeconds)));
		}
		this.unschedulable.clear();
	}

	protected sync(key: string): void {
		const pod = this.pods.get(key);
		if (!pod || pod.spec?.nodeName || pod.metadata?.deletionTimestamp) return;
		const info = podInfo(pod, key);
		const attempts = (this.attempts.get(key) ?? 0) + 1;
		this.attempts.set(key, attempts);
		const result = this.schedule(info);
		if (result.chosen !== undefined) {
			const score = result.totals?.[result.feasible.findIndex(n => n.name === result.chosen)] ?? 0;
			this.client.bind(pod.metadata!.namespace!, pod.metadata!.name!, result.chosen, {reason: `best of ${result.feasible.length} feasible node(s), score ${score}`});
			this.cache.addPod(key, result.chosen, info); // assumed until the watch confirms it
			this.forget(key);
			this.placements.set(key, {tick: this.ctx.clock.tick, node: result.chosen, feasible: result.feasible.length, evaluated: result.evaluated, score});
			if (this.placements.size > 10_000) this.placements.delete(this.placements.keys().next().value!);
			this.recent.set(key, result);
			this.recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${key} to ${result.chosen}`);
			return;
		}
		const message = result.message!;
		this.unschedulable.set(key, this.ctx.clock.now());
		this.diagnoses.set(key, {tick: this.ctx.clock.tick, nodes: result.nodes, reasons: result.reasons, message, attempt: result});
		this.recorder.event(pod, 'Warning', 'FailedScheduling', message);
		this.markUnschedulable(pod, message);
	}

	/** The last scheduling cycle of a pod still waiting, or of one of the newest bound pods. */
	lastAttempt(key: string): SchedulingAttempt | undefined {
		return this.diagnoses.get(key)?.attempt ?? this.recent.get(key);
	}

	/** How many bound pods keep their full record now. */
	get keptAttempts(): number {
		return this.recent.size;
	}

	/** The scheduling queue's three parts, as upstream's metrics name them. */
	queueLengths(): {active: number; backoff: number; unschedulable: number} {
		return {active: this.queue.length, backoff: this.queue.waiting, unschedulable: this.unschedulable.size};
	}

	protected override hasOtherWork(): boolean {
		return this.unschedulable.size > 0 && this.ctx.clock.now() - this.lastFlush >= flushIntervalMs;
	}

	/** flushUnschedulablePodsLeftover: pods that waited over 5 minutes try again even if nothing changed. */
	protected override afterSync(): void {
		const now = this.ctx.clock.now();
		if (now - this.lastFlush < flushIntervalMs) return;
		this.lastFlush = now;
		for (const [key, since] of this.unschedulable) {
			if (now - since < maxUnschedulableMs) continue;
			this.unschedulable.delete(key);
			this.queue.add(key);
		}
	}

	/** PodScheduled=False, reason Unschedulable, as the scheduler writes it. */
	private markUnschedulable(pod: Pod, message: string): void {
		const current = pod.status?.conditions?.find(c => c.type === 'PodScheduled');
		if (current?.status === 'False' && current.message === message) return;
		const conditions = setCondition(pod.status?.conditions, {type: 'PodScheduled', status: 'False', reason: 'Unschedulable', message}, this.ctx.clock.timestamp());
		try {
			this.client.updateStatus('pods', {...pod, status: {...pod.status, conditions}}, {reason: 'unschedulable'});
		} catch (error) {
			if (!isStatusError(error, 'Conflict') && !isStatusError(error, 'NotFound')) throw error;
		}
	}

	/** One scheduling cycle: filter (stopping once enough feasible nodes are found), score, pick; recorded as it ran. */
	private schedule(pod: PodInfo): SchedulingAttempt {
		const all = this.cache.nodeList();
		const wanted = numFeasibleNodesToFind(all.length);
		const feasible: NodeInfo[] = [];
		const reasons = new Map<string, string[]>();
		// Which filter ruled out each rejected node, a byte each, allocated only when one is.
		let rejectedBy: Uint8Array | undefined;
		const start = this.nextStartNodeIndex;
		let evaluated = 0;
		for (let i = 0; i < all.length && feasible.length < wanted; i++) {
			const node = all[(start + i) % all.length]!;
			evaluated++;
			let failed: string[] | undefined;
			for (let p = 0; p < filterPlugins.length; p++) {
				const r = filterPlugins[p]!.filter(pod, node);
				if (r.length > 0) {
					failed = r;
					(rejectedBy ??= new Uint8Array(all.length))[reasons.size] = p;
					break;
				}
			}
			if (failed) reasons.set(node.name, failed);
			else feasible.push(node);
		}
		if (all.length > 0) this.nextStartNodeIndex = (start + evaluated) % all.length;
		const attempt: SchedulingAttempt = {
			tick: this.ctx.clock.tick, nodes: all.length, evaluated, reasons, rejectedBy: rejectedBy?.subarray(0, reasons.size) ?? none, filters: filterNames, feasible,
		};
		if (feasible.length === 0) return {...attempt, message: failedSchedulingMessage(all.length, reasons)};
		if (feasible.length === 1) return {...attempt, chosen: feasible[0]!.name};
		const totals = new Array<number>(feasible.length).fill(0);
		const scores: ScoreRecord[] = [];
		for (const plugin of scorePlugins) {
			const raw = plugin.score(pod, feasible, this.cache);
			const normalized = plugin.normalize ? plugin.normalize(raw) : raw;
			normalized.forEach((s, i) => (totals[i]! += s * plugin.weight));
			scores.push({plugin: plugin.name, weight: plugin.weight, raw, normalized});
		}
		// selectHost: the highest total; ties broken at random (seeded), as upstream's reservoir sampling.
		let best = 0, ties = 1;
		for (let i = 1; i < feasible.length; i++) {
			if (totals[i]! > totals[best]!) {
				best = i;
				ties = 1;
			} else if (totals[i] === totals[best]) {
				ties++;
				if (this.ctx.random.int(0, ties - 1) === 0) best = i;
			}
		}
		return {...attempt, scores, totals, chosen: feasible[best]!.name};
	}
}

/** numFeasibleNodesToFind with percentageOfNodesToScore unset (adaptive): all nodes below 100. */
export function numFeasibleNodesToFind(nodes: number): number {
	if (nodes < 100) return nodes;
	const percentage = Math.max(5, 50 - Math.floor(nodes / 125));
	return Math.max(100, Math.floor((nodes * percentage) / 100));
}

/** FitError.Error(): `0/4 nodes are available: 1 node(s) were unschedulable, 3 Insufficient cpu.` */
export function failedSchedulingMessage(nodes: number, reasons: ReadonlyMap<string, readonly string[]>): string {
	const histogram = new Map<string, number>();
	for (const list of reasons.values()) for (const r of list) histogram.set(r, (histogram.get(r) ?? 0) + 1);
	const parts = [...histogram].map(([reason, count]) => `${count} ${reason}`).sort();
	if (nodes === 0) return 'no nodes available to schedule pods';
	return `0/${nodes} nodes are available${parts.length ? `: ${parts.join(', ')}` : ''}.`;
}
