// The apiserver's etcd compactor (k8s.io/apiserver storagebackend/factory/etcd3.go): every
// --etcd-compaction-interval (5 minutes) it compacts the store, keeping a window of history behind the present
// for reads at older revisions and watches that resume from them (and, later, for stepping back in time).

export interface CompactorOptions {
	/** How often to compact (simulated ms). */
	intervalMs: number;
	/** How much history to keep behind now (simulated ms); at least the interval. */
	windowMs: number;
}

export class Compactor {
	/** (time, revision) at the start of each tick, oldest first, reaching back over the window. */
	private samples: Array<{at: number; revision: number}> = [];
	private lastCompaction: number | undefined;
	compactions = 0;

	constructor(private readonly options: CompactorOptions) {}

	/** The revision to compact to now, if it is time: the newest revision at least `windowMs` old. */
	due(now: number, revision: number): number | undefined {
		this.samples.push({at: now, revision});
		this.lastCompaction ??= now;
		if (now - this.lastCompaction < this.options.intervalMs) return undefined;
		this.lastCompaction = now;
		const horizon = now - this.options.windowMs;
		let keep = -1;
		for (let i = 0; i < this.samples.length && this.samples[i]!.at <= horizon; i++) keep = i;
		if (keep < 0) return undefined;
		const target = this.samples[keep]!.revision;
		this.samples = this.samples.slice(keep);
		this.compactions++;
		return target;
	}
}
