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
 * Bound pods whose full record is kept, up to `rows` node rows in all (a cycle keeps a row per feasible node) and
 * `maxPods` pods: the bindings of the scheduler's last pass first, then of earlier passes, oldest forgotten first.
 * Within a pass, once the budget is full, later bindings keep no record: the kept ones then live the whole pass
 * and the rest die young (keeping the newest instead made every record live a little, and at 30,000 pods in one
 * pass cost 55% more CPU or 300 MB more RSS, measured). Small clusters keep every binding of a pass; a 1,000-node
 * one about the first nine. A pod still waiting keeps its last record in its diagnosis until bound or deleted.
 */
export class RecentAttempts {
	private readonly attempts = new Map<string, SchedulingAttempt>();
	private held = 0;
	private pass = -1;
	private passRows = 0;
	private passPods = 0;

	constructor(readonly rows = 4096, readonly maxPods = 1000) {}

	private static rowsOf(attempt: SchedulingAttempt): number {
		return Math.max(1, attempt.feasible.length);
	}

	set(key: string, attempt: SchedulingAttempt): void {
		this.delete(key);
		if (attempt.tick !== this.pass) {
			this.pass = attempt.tick;
			this.passRows = 0;
			this.passPods = 0;
		}
		const rows = RecentAttempts.rowsOf(attempt);
		// The first binding of a pass is always kept, whatever its size.
		if (this.passPods > 0 && (this.passRows + rows > this.rows || this.passPods >= this.maxPods)) return;
		this.attempts.set(key, attempt);
		this.held += rows;
		this.passRows += rows;
		this.passPods++;
		// Earlier passes' records are at the front (insertion order): they go first, never this pass's.
		while (this.attempts.size > this.passPods && (this.held > this.rows || this.attempts.size > this.maxPods)) {
			this.delete(this.attempts.keys().next().value!);
		}
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
