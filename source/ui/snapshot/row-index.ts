// Row index by key without building a Map of every row on every change: subclasses find a key's row by a search;
// the rest of ReadonlyMap (iteration, which nothing on the hot path does) builds the Map once, when asked.
import type {TableRow} from './table-data.js';

export abstract class RowIndex implements ReadonlyMap<string, number> {
	private map: Map<string, number> | undefined;

	constructor(protected readonly rows: readonly TableRow[]) {}

	abstract get(key: string): number | undefined;

	has(key: string): boolean {
		return this.get(key) !== undefined;
	}

	get size(): number {
		return this.rows.length;
	}

	protected all(): Map<string, number> {
		return (this.map ??= new Map(this.rows.map((row, i) => [row.key, i])));
	}

	forEach(callback: (value: number, key: string, map: ReadonlyMap<string, number>) => void): void {
		this.all().forEach((value, key) => callback(value, key, this));
	}

	entries() {
		return this.all().entries();
	}

	keys() {
		return this.all().keys();
	}

	values() {
		return this.all().values();
	}

	[Symbol.iterator]() {
		return this.all()[Symbol.iterator]();
	}
}

/** The index of rows kept from a table in its order (a filter, a namespace): the key's position in the table, then
 * a binary search among the kept rows' positions. */
export class SubsequenceIndex extends RowIndex {
	constructor(rows: readonly TableRow[], private readonly positions: readonly number[], private readonly source: ReadonlyMap<string, number>) {
		super(rows);
	}

	get(key: string): number | undefined {
		const position = this.source.get(key);
		if (position === undefined) return undefined;
		let low = 0;
		let high = this.positions.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (this.positions[mid]! < position) low = mid + 1;
			else high = mid;
		}
		return low < this.rows.length && this.positions[low] === position && this.rows[low]!.key === key ? low : undefined;
	}
}
