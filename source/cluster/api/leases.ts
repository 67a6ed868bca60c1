// etcd leases for objects that expire (kube-apiserver stores Events with a lease of --event-ttl, 1 h by default):
// every write renews the object's lease; when it runs out, etcd deletes the key and watchers see it go.
// The TTL is the same for every key and time only moves forward, so expiries arrive in order: a queue, not a scan.

export class Leases {
	/** key -> when its lease runs out (epoch ms). */
	private readonly expiry = new Map<string, number>();
	/** Every grant in time order; a renewed or revoked key's older entries are skipped when they come up. */
	private queue: Array<{key: string; at: number}> = [];
	private head = 0;

	constructor(readonly ttlMs: number) {}

	/** Grant or renew the lease of `key` at `now`. */
	grant(key: string, now: number): void {
		const at = now + this.ttlMs;
		this.expiry.set(key, at);
		this.queue.push({key, at});
	}

	/** The key went (deleted): its lease goes with it. */
	revoke(key: string): void {
		this.expiry.delete(key);
	}

	/** Keys whose lease ran out by `now`, each once; they are forgotten. */
	expired(now: number): string[] {
		const out: string[] = [];
		while (this.head < this.queue.length && this.queue[this.head]!.at <= now) {
			const {key, at} = this.queue[this.head++]!;
			if (this.expiry.get(key) === at) {
				this.expiry.delete(key);
				out.push(key);
			}
		}
		// Drop the consumed part now and then, so the queue holds only live grants.
		if (this.head > 1024 && this.head * 2 > this.queue.length) {
			this.queue = this.queue.slice(this.head);
			this.head = 0;
		}
		return out;
	}

	get size(): number {
		return this.expiry.size;
	}
}
