// The record of one scheduling cycle, kept as the scheduler computed it (the arrays it already built, no copies),
// so a "why" view reads exactly what decided the placement, and the FailedScheduling message comes from it too.
import type {NodeInfo} from './framework.js';

export interface ScoreRecord {
	plugin: string;
	weight: number;
	/** Per feasible node, in the order of `feasible`. */
	raw: Float64Array;
	/** 0-100 after the plugin's normalization (the raw scores when it has none). */
	normalized: Float64Array;
}

export interface SchedulingAttempt {
	tick: number;
	/** Nodes in the cluster when the cycle ran. */
	nodes: number;
	/** Nodes it checked: it stops once it has found enough feasible ones (percentageOfNodesToScore). */
	evaluated: number;
	/** Nodes a filter ruled out, in the order checked, with the first failing plugin's reasons (later filters did
	 * not run, as upstream). */
	reasons: ReadonlyMap<string, readonly string[]>;
	/** Which filter ruled out each node of `reasons`, in the same order: an index into `filters` (a byte a node). */
	rejectedBy: Uint8Array;
	/** The filter plugins' names, in the order they run. */
	filters: readonly string[];
	/** Nodes that passed every filter. */
	feasible: readonly NodeInfo[];
	/** Absent when scoring was skipped (one feasible node) or nothing was feasible. */
	scores?: readonly ScoreRecord[];
	totals?: Float64Array;
	/** The node the pod was bound to. */
	chosen?: string;
	/** The FailedScheduling message when no node fit. */
	message?: string;
}

/**
 * Bound pods whose full record is kept: the newest, oldest forgotten first, up to `rows` node rows in all (a cycle
 * keeps a row per feasible node). A few hundred bindings on a small cluster, a handful on a 1,000-node one: the
 * records are held only briefly while a large pass runs, so they die young instead of filling the old heap.
 * (A pod still waiting keeps its last record in its diagnosis until it is bound or deleted.)
 */
export class RecentAttempts {
	private readonly attempts = new Map<string, SchedulingAttempt>();
	private held = 0;

	constructor(readonly rows = 4096, readonly maxPods = 1000) {}

	private static rowsOf(attempt: SchedulingAttempt): number {
		return Math.max(1, attempt.feasible.length);
	}

	set(key: string, attempt: SchedulingAttempt): void {
		this.delete(key);
		this.attempts.set(key, attempt);
		this.held += RecentAttempts.rowsOf(attempt);
		while (this.attempts.size > 1 && (this.held > this.rows || this.attempts.size > this.maxPods)) this.delete(this.attempts.keys().next().value!);
	}

	get(key: string): SchedulingAttempt | undefined {
		return this.attempts.get(key);
	}

	delete(key: string): void {
		const attempt = this.attempts.get(key);
		if (!attempt) return;
		this.held -= RecentAttempts.rowsOf(attempt);
		this.attempts.delete(key);
	}

	get size(): number {
		return this.attempts.size;
	}
}
