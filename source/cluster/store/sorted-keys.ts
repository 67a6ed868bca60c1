// A sorted set of strings kept as a list of bounded chunks (the sortedcontainers layout):
// inserting or removing one of 150,000 keys moves at most a chunk, not half the whole array.

const load = 512;
const maxChunk = load * 2;
const minChunk = load / 4;

/** Index of the first element >= key in a sorted array. */
export function lowerBound(sorted: readonly string[], key: string): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid]! < key) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}

	return lo;
}

/** Index of the first element > key in a sorted array. */
export function upperBound(sorted: readonly string[], key: string): number {
	let lo = 0;
	let hi = sorted.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (sorted[mid]! <= key) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}

	return lo;
}

/**
 * The smallest string greater than every string that starts with prefix
 * (undefined when there is none, e.g. for the empty prefix).
 */
export function prefixEnd(prefix: string): string | undefined {
	let end = prefix;
	while (end.length > 0 && end.charCodeAt(end.length - 1) === 0xFF_FF) {
		end = end.slice(0, -1);
	}

	if (end.length === 0) {
		return undefined;
	}

	return end.slice(0, -1) + String.fromCharCode(end.charCodeAt(end.length - 1) + 1);
}

export class SortedKeys {
	/** Build from keys that are already sorted and unique. */
	static fromSorted(keys: readonly string[]): SortedKeys {
		const set = new SortedKeys();
		for (let i = 0; i < keys.length; i += load) {
			const chunk = keys.slice(i, i + load);
			set.chunks.push(chunk);
			set.maxes.push(chunk.at(-1)!);
		}

		set.length = keys.length;
		return set;
	}

	private readonly chunks: string[][] = [];
	/** Last (largest) key of each chunk, to binary-search for the chunk. */
	private readonly maxes: string[] = [];
	private length = 0;

	get size(): number {
		return this.length;
	}

	/** Adds key; false when it was already present. */
	insert(key: string): boolean {
		if (this.chunks.length === 0) {
			this.chunks.push([key]);
			this.maxes.push(key);
			this.length = 1;
			return true;
		}

		// Past the last max: append to the last chunk.
		const ci = Math.min(lowerBound(this.maxes, key), this.chunks.length - 1);
		const chunk = this.chunks[ci]!;
		const i = lowerBound(chunk, key);
		if (chunk[i] === key) {
			return false;
		}

		chunk.splice(i, 0, key);
		this.length++;
		if (chunk.length > maxChunk) {
			const half = chunk.length >>> 1;
			const a = chunk.slice(0, half);
			const b = chunk.slice(half);
			this.chunks.splice(ci, 1, a, b);
			this.maxes.splice(ci, 1, a.at(-1)!, b.at(-1)!);
		} else {
			this.maxes[ci] = chunk.at(-1)!;
		}

		return true;
	}

	/** Removes key; false when it was absent. */
	remove(key: string): boolean {
		const ci = lowerBound(this.maxes, key);
		const chunk = this.chunks[ci];
		if (chunk === undefined) {
			return false;
		}

		const i = lowerBound(chunk, key);
		if (chunk[i] !== key) {
			return false;
		}

		chunk.splice(i, 1);
		this.length--;
		if (chunk.length === 0) {
			this.chunks.splice(ci, 1);
			this.maxes.splice(ci, 1);
		} else if (chunk.length < minChunk && this.chunks.length > 1) {
			// Merge small chunks so mass deletions do not leave thousands of tiny ones.
			const left = ci === this.chunks.length - 1 ? ci - 1 : ci;
			const merged = [...this.chunks[left]!, ...this.chunks[left + 1]!];
			if (merged.length > maxChunk) {
				const half = merged.length >>> 1;
				const a = merged.slice(0, half);
				const b = merged.slice(half);
				this.chunks.splice(left, 2, a, b);
				this.maxes.splice(left, 2, a.at(-1)!, b.at(-1)!);
			} else {
				this.chunks.splice(left, 2, merged);
				this.maxes.splice(left, 2, merged.at(-1)!);
			}
		} else {
			this.maxes[ci] = chunk.at(-1)!;
		}

		return true;
	}

	/** Number of keys k with from <= k < to (to undefined: no upper bound). */
	countRange(from: string, to: string | undefined): number {
		const [c1, i1] = this.position(from);
		const [c2, i2] = to === undefined ? [this.chunks.length, 0] : this.position(to);
		if (c1 === c2) {
			return i2 - i1;
		}

		let count = this.chunks[c1]!.length - i1 + i2;
		for (let c = c1 + 1; c < c2; c++) {
			count += this.chunks[c]!.length;
		}

		return count;
	}

	/**
	 * Visits keys in order, starting at the first key >= from (> from when exclusive),
	 * until visit returns false.
	 */
	scan(from: string, exclusive: boolean, visit: (key: string) => boolean): void {
		let ci = exclusive ? upperBound(this.maxes, from) : lowerBound(this.maxes, from);
		if (ci >= this.chunks.length) {
			return;
		}

		let i = exclusive ? upperBound(this.chunks[ci]!, from) : lowerBound(this.chunks[ci]!, from);
		for (; ci < this.chunks.length; ci++, i = 0) {
			const chunk = this.chunks[ci]!;
			for (; i < chunk.length; i++) {
				if (!visit(chunk[i]!)) {
					return;
				}
			}
		}
	}

	/** All keys in order (for tests and debugging). */
	toArray(): string[] {
		return this.chunks.flat();
	}

	/** [chunk index, index in chunk] of the first key >= key; [chunks.length, 0] at the end. */
	private position(key: string): [number, number] {
		const ci = lowerBound(this.maxes, key);
		if (ci >= this.chunks.length) {
			return [this.chunks.length, 0];
		}

		return [ci, lowerBound(this.chunks[ci]!, key)];
	}
}
