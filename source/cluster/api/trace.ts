// Who did what: every write through the API server, with the writer's identity and its one-line reason.

export interface TraceEntry {
	/** Tick during which the write happened (0: before the first tick, e.g. loading fixtures). */
	tick: number;
	/** Store revision of the write. */
	revision: number;
	/** The client's identity: system:kube-scheduler, system:node:node-2, kubernetes-admin, ... */
	component: string;
	verb: 'create' | 'update' | 'patch' | 'delete';
	/** Resource, with the subresource when there is one: pods/binding, deployments/scale, pods/status. */
	resource: string;
	namespace?: string;
	name: string;
	reason: string;
}

/** A watch handler that threw: its watch was dropped, and the component re-lists after a backoff. */
export interface WatchErrorEntry {
	tick: number;
	/** The client's identity whose handler failed. */
	component: string;
	resource: string;
	message: string;
}

/** A bounded log: big runs keep the newest `capacity` entries. */
export class Trace {
	private readonly entries: TraceEntry[] = [];
	private dropped = 0;
	private readonly failures: WatchErrorEntry[] = [];

	recordWatchError(entry: WatchErrorEntry): void {
		this.failures.push(entry);
		if (this.failures.length > 1000) this.failures.shift();
	}

	/** The newest watch handler failures, oldest first. */
	watchErrors(): readonly WatchErrorEntry[] {
		return this.failures;
	}

	constructor(readonly capacity = 100_000) {}

	record(entry: TraceEntry): void {
		this.entries.push(entry);
		if (this.entries.length > this.capacity * 1.5) {
			const excess = this.entries.length - this.capacity;
			this.entries.splice(0, excess);
			this.dropped += excess;
		}
	}

	/** Forget entries of writes at or before `revision`: the store compacted that history away, and so does the trace. */
	compact(revision: number): void {
		let n = 0;
		while (n < this.entries.length && this.entries[n]!.revision <= revision) n++;
		if (n > 0) {
			this.entries.splice(0, n);
			this.dropped += n;
		}
	}

	/** Entries, oldest first; optionally only those of one tick. */
	list(filter?: {tick?: number}): readonly TraceEntry[] {
		return filter?.tick === undefined ? this.entries : this.entries.filter(e => e.tick === filter.tick);
	}

	get size(): number {
		return this.entries.length + this.dropped;
	}
}

export function formatTraceEntry(e: TraceEntry): string {
	const object = e.namespace ? `${e.resource} ${e.namespace}/${e.name}` : `${e.resource} ${e.name}`;
	return `tick ${e.tick}  ${e.component}  ${e.verb} ${object}: ${e.reason}`;
}
