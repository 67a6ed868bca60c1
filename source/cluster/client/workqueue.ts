// client-go's workqueue: keys, not objects; a key queued twice is processed once; failures come back
// later with per-key exponential backoff, counted in ticks of simulated time.

export class WorkQueue {
	private queue: string[] = [];
	private readonly queued = new Set<string>();
	private readonly delayed = new Map<number, string[]>();
	private readonly failures = new Map<string, number>();
	private tick = 0;

	add(key: string): void {
		if (this.queued.has(key)) return;
		this.queued.add(key);
		this.queue.push(key);
	}

	/** Add the key again after `ticks` ticks. */
	addAfter(key: string, ticks: number): void {
		if (ticks <= 0) return this.add(key);
		const at = this.tick + ticks;
		const list = this.delayed.get(at);
		if (list) list.push(key);
		else this.delayed.set(at, [key]);
	}

	/** Requeue after a failure: 1, 2, 4 ... ticks, capped at `maxTicks`. */
	addRateLimited(key: string, maxTicks = 60): void {
		const n = this.failures.get(key) ?? 0;
		this.failures.set(key, n + 1);
		this.addAfter(key, Math.min(2 ** n, maxTicks));
	}

	forget(key: string): void {
		this.failures.delete(key);
	}

	/** Move keys whose delay ran out into the queue; called once per tick. */
	advance(): void {
		this.tick++;
		const due = this.delayed.get(this.tick);
		if (due) {
			this.delayed.delete(this.tick);
			for (const key of due) this.add(key);
		}
	}

	/** Take every queued key (in the order first queued) and empty the queue. */
	drain(): string[] {
		const keys = this.queue;
		this.queue = [];
		this.queued.clear();
		return keys;
	}

	get length(): number {
		return this.queue.length;
	}

	get waiting(): number {
		let n = 0;
		for (const list of this.delayed.values()) n += list.length;
		return n;
	}
}
