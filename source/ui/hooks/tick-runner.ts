// Runs the cluster's ticks off the render path by time slicing: a tick is taken in its phases (see
// Cluster.stepInPhases) and the runner gives the event loop a turn whenever a slice of wall time is used up, so
// keys are read and frames drawn during a long tick. Ticks and commands wait in one queue and run in the order they
// were asked for; a command never runs in the middle of a tick.
//
// Why slicing and not a worker thread: the dashboard reads the cluster's objects directly (frozen objects shared
// with the store, watched through the facade's client); a cluster in a worker would need every object and command
// copied across threads each tick, which costs more than the tick itself on 30,000 pods. Slicing between phases
// keeps one cluster and leaves a key waiting at most one phase (measured: the longest phase, the scheduler's
// loop over a large batch, is a small part of a tick).
import type {DashboardCluster} from '../snapshot/snapshot.js';

type Job =
	| {kind: 'tick'; player: boolean}
	| {kind: 'command'; run: () => void};

export interface TickRunnerOptions {
	/** Wall ms of work before the event loop gets a turn. */
	sliceMs?: number;
	/** Wall clock in ms (the UI's, never the cluster's). */
	now?: () => number;
	/** Schedule the next slice (default setImmediate: after pending input and timers). */
	defer?: (next: () => void) => void;
	/** A tick completed. */
	onTick?: () => void;
	/** A tick threw: queued ticks are dropped, commands still run. */
	onError?: (error: unknown) => void;
}

/** Ticks completed within this much wall time count towards the achieved rate. */
const rateWindowMs = 4000;
/** No rate is shown before the player has run this long. */
const rateWarmupMs = 1000;

export class TickRunner {
	private readonly queue: Job[] = [];
	private phases: Generator<void, void, void> | undefined;
	private scheduled = false;
	private readonly listeners = new Set<() => void>();
	/** Wall times of recently completed ticks, oldest first. */
	private readonly done: number[] = [];
	private readonly sliceMs: number;
	private readonly now: () => number;
	private readonly defer: (next: () => void) => void;
	private version = 0;

	/** `stillPlaying` is asked before each of the player's ticks starts: a pause stops the next one. */
	constructor(
		private readonly cluster: Pick<DashboardCluster, 'stepInPhases'>,
		private readonly stillPlaying: () => boolean = () => true,
		private readonly options: TickRunnerOptions = {},
	) {
		this.sliceMs = options.sliceMs ?? 8;
		this.now = options.now ?? (() => performance.now());
		this.defer = options.defer ?? (next => setImmediate(next));
	}

	/** Queue ticks; `player` ticks are the clock playing (dropped when paused), others are the user's `n`. */
	step(ticks: number, player = false): void {
		for (let i = 0; i < ticks; i++) this.queue.push({kind: 'tick', player});
		this.schedule();
	}

	/** Run a cluster command now when nothing is queued, else after what is queued. */
	command(run: () => void): void {
		if (!this.busy) {
			run();
			return;
		}
		this.queue.push({kind: 'command', run});
	}

	/** A tick is running or waiting. */
	get busy(): boolean {
		return this.phases !== undefined || this.queue.length > 0;
	}

	/** The player's ticks still waiting (the player queues no more than one interval's worth ahead). */
	get queuedPlayerTicks(): number {
		let n = 0;
		for (const job of this.queue) if (job.kind === 'tick' && job.player) n++;
		return n;
	}

	/** Start measuring the achieved rate afresh (the player started playing). */
	measureFrom(): void {
		this.done.length = 0;
		this.since = this.now();
		this.lagging = false;
	}

	private since: number | undefined;

	/** The player could not queue all the ticks it owed: ticks take longer than its interval. */
	get behind(): boolean {
		return this.lagging;
	}

	setBehind(behind: boolean): void {
		if (behind === this.lagging) return;
		this.lagging = behind;
		this.changed();
	}

	private lagging = false;

	/** Ticks completed per wall second over the last few seconds of playing; undefined when not measuring yet. */
	rate(): number | undefined {
		if (this.since === undefined) return undefined;
		const span = Math.min(rateWindowMs, this.now() - this.since);
		if (span < rateWarmupMs) return undefined;
		this.forget();
		return (this.done.length * 1000) / span;
	}

	/** Changes whenever busy or the rate may have changed: a snapshot key for React. */
	get revision(): number {
		return this.version;
	}

	subscribe(listener: () => void): () => void {
		this.listeners.add(listener);
		return () => this.listeners.delete(listener);
	}

	/** Stop: queued work is dropped, a tick in progress is finished at once (the cluster is never left mid-tick). */
	dispose(): void {
		this.queue.length = 0;
		if (this.phases) for (const _phase of this.phases);
		this.phases = undefined;
	}

	private changed(): void {
		this.version++;
		for (const listener of this.listeners) listener();
	}

	private forget(): void {
		const cutoff = this.now() - rateWindowMs;
		while (this.done.length > 0 && this.done[0]! < cutoff) this.done.shift();
	}

	private schedule(): void {
		if (this.scheduled) return;
		this.scheduled = true;
		this.changed();
		this.defer(() => this.slice());
	}

	/** Work until the slice is used up or nothing is left. */
	private slice(): void {
		this.scheduled = false;
		const end = this.now() + this.sliceMs;
		do {
			if (!this.phases && !this.startNext()) {
				this.changed();
				return;
			}
			this.advance();
		} while (this.now() < end);
		this.schedule();
	}

	/** Take the next job: run a command, or start a tick. False when the queue is empty. */
	private startNext(): boolean {
		for (;;) {
			const job = this.queue.shift();
			if (!job) return false;
			if (job.kind === 'command') {
				job.run();
				continue;
			}
			if (job.player && !this.stillPlaying()) continue;
			this.phases = this.cluster.stepInPhases();
			return true;
		}
	}

	private advance(): void {
		try {
			if (!this.phases!.next().done) return;
			this.phases = undefined;
			this.done.push(this.now());
			this.forget();
			this.changed();
			this.options.onTick?.();
		} catch (error) {
			this.phases = undefined;
			for (let i = this.queue.length - 1; i >= 0; i--) if (this.queue[i]!.kind === 'tick') this.queue.splice(i, 1);
			this.changed();
			this.options.onError?.(error);
		}
	}
}
