// The record of one scheduling cycle, kept as the scheduler computed it (the arrays it already built, no copies),
// so a "why" view reads exactly what decided the placement, and the FailedScheduling message comes from it too.
import type {NodeInfo} from './framework.js';

export interface ScoreRecord {
	plugin: string;
	weight: number;
	/** Per feasible node, in the order of `feasible`. */
	raw: readonly number[];
	/** 0-100 after the plugin's normalization (the raw scores when it has none). */
	normalized: readonly number[];
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
	totals?: readonly number[];
	/** The node the pod was bound to. */
	chosen?: string;
	/** The FailedScheduling message when no node fit. */
	message?: string;
}

/**
 * Scheduled pods whose full record is kept: the newest `capacity`, oldest forgotten first. A pod waiting keeps its
 * last attempt with its diagnosis until it is bound or deleted; these bound ones are the only other records.
 */
export class RecentAttempts {
	private readonly attempts = new Map<string, SchedulingAttempt>();

	constructor(readonly capacity = 100) {}

	set(key: string, attempt: SchedulingAttempt): void {
		this.attempts.delete(key);
		this.attempts.set(key, attempt);
		if (this.attempts.size > this.capacity) this.attempts.delete(this.attempts.keys().next().value!);
	}

	get(key: string): SchedulingAttempt | undefined {
		return this.attempts.get(key);
	}

	delete(key: string): void {
		this.attempts.delete(key);
	}

	get size(): number {
		return this.attempts.size;
	}
}
