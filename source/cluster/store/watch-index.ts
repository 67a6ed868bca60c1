// Watchers indexed by prefix, so a write only looks at the prefixes its key can match
// instead of scanning thousands of watchers.

/** Prefixes that do not end at a '/' boundary (exact keys, 'web-' style partial names). */
function isPartial(prefix: string): boolean {
	return prefix !== '' && !prefix.endsWith('/');
}

export class WatchIndex<W> {
	private readonly byPrefix = new Map<string, Set<W>>();
	/**
	 * Length -> number of distinct partial prefixes of that length. A key is checked against
	 * partial prefixes by looking up its own prefix of each such length, so exact-key watches
	 * cost one lookup per distinct length rather than one startsWith per watcher.
	 */
	private readonly partialLengths = new Map<number, number>();
	private count = 0;

	get size(): number {
		return this.count;
	}

	add(prefix: string, watcher: W): void {
		let set = this.byPrefix.get(prefix);
		if (set === undefined) {
			set = new Set();
			this.byPrefix.set(prefix, set);
			if (isPartial(prefix)) {
				this.partialLengths.set(prefix.length, (this.partialLengths.get(prefix.length) ?? 0) + 1);
			}
		}

		if (!set.has(watcher)) {
			set.add(watcher);
			this.count++;
		}
	}

	remove(prefix: string, watcher: W): void {
		const set = this.byPrefix.get(prefix);
		if (set === undefined || !set.delete(watcher)) {
			return;
		}

		this.count--;
		if (set.size > 0) {
			return;
		}

		this.byPrefix.delete(prefix);
		if (isPartial(prefix)) {
			const n = this.partialLengths.get(prefix.length)! - 1;
			if (n === 0) {
				this.partialLengths.delete(prefix.length);
			} else {
				this.partialLengths.set(prefix.length, n);
			}
		}
	}

	/** Calls visit once for each watcher whose prefix key starts with. */
	forEachMatch(key: string, visit: (watcher: W) => void): void {
		if (this.count === 0) {
			return;
		}

		this.visitSet(this.byPrefix.get(''), visit);
		for (let i = key.indexOf('/'); i !== -1; i = key.indexOf('/', i + 1)) {
			this.visitSet(this.byPrefix.get(key.slice(0, i + 1)), visit);
		}

		for (const length of this.partialLengths.keys()) {
			if (length > key.length) {
				continue;
			}

			const prefix = length === key.length ? key : key.slice(0, length);
			// A '/'-terminated slice was visited above; partial prefixes never end in '/'.
			if (!prefix.endsWith('/')) {
				this.visitSet(this.byPrefix.get(prefix), visit);
			}
		}
	}

	private visitSet(set: Set<W> | undefined, visit: (watcher: W) => void): void {
		if (set !== undefined) {
			for (const watcher of set) {
				visit(watcher);
			}
		}
	}
}
