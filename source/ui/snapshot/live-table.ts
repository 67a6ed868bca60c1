// A resource's table kept up to date from watch events instead of re-listed after every change: the rows of changed
// objects are re-derived, the sorted order is patched (or re-sorted when much changed), and column widths are kept
// as counts per width. Columns that read the render context (AGE reads the simulated time, the nodes pane's PODS/CPU/
// MEM the pods' requests) are derived when a row is read after the context changed, so only the rows on screen (and
// a bounded sample for their width) cost anything per tick.
// Watch events arrive as the cluster writes (also in the middle of a tick); they wait in `pending` and are applied
// only when the table is read, after the cluster announced a change, so a frame never shows half a tick.
import type {ApiClient, KubeObject} from '../../cluster/index.js';
import {textWidth} from '../text.js';
import {rowKey, type Column, type RenderContext, type ResourceRenderer, type Tone} from '../render/types.js';
import {RowIndex} from './row-index.js';
import {clockColumns, type TableData, type TableRow} from './table-data.js';

/**
 * A row that derives its live cells (AGE...) when read, for the table's current context: a frame reads only the
 * rows it shows, so a 30,000-row table costs per tick what is on screen, not what is in the cluster.
 */
class LiveRow<T extends KubeObject> implements TableRow {
	private merged: string[] | undefined;
	private mergedFor: number | undefined;

	declare readonly cells: string[];

	constructor(readonly key: string, readonly object: T, readonly tone: Tone, readonly fixed: string[], private readonly owner: LiveTable<T>) {
		// An own, enumerable getter: a copy (`{...row}`) takes the cells as they read now.
		Object.defineProperty(this, 'cells', {get: () => this.currentCells(), enumerable: true});
	}

	private currentCells(): string[] {
		const live = this.owner.liveColumns;
		if (!live) return this.fixed;
		if (this.mergedFor !== this.owner.generation) {
			this.merged = this.owner.liveCells(this.object, this.fixed);
			this.mergedFor = this.owner.generation;
		}
		return this.merged!;
	}

	/** For the filter: while only clock columns are live, the fixed cells (no AGE derived for 30,000 rows). */
	get searchCells(): readonly string[] {
		return this.owner.liveClockOnly ? this.fixed : this.cells;
	}
}

/** Row index by key without building a map per change: a binary search in the sorted rows. */
class SortedIndex<T extends KubeObject> extends RowIndex {
	constructor(private readonly sorted: ReadonlyArray<LiveRow<T>>, private readonly byKey: ReadonlyMap<string, LiveRow<T>>, private readonly compare: (a: T, b: T) => number) {
		super(sorted);
	}

	get(key: string): number | undefined {
		const row = this.byKey.get(key);
		if (!row) return undefined;
		const rows = this.sorted;
		let low = 0;
		let high = rows.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (this.compare(rows[mid]!.object, row.object) < 0) low = mid + 1;
			else high = mid;
		}
		for (let i = low; i < rows.length && this.compare(rows[i]!.object, row.object) === 0; i++) if (rows[i]!.key === key) return i;
		// The key's row has changed since these rows were taken (an event seen again sorts elsewhere now): this
		// older table finds it by key, once.
		return this.all().get(key);
	}
}

/** Live columns' natural width is measured on at most this many rows, spread evenly (exact for smaller tables). */
const widthSample = 1000;

/** Above this share of changed rows, re-sorting all is cheaper than patching the order row by row. */
const resortShare = 1 / 16;

export class LiveTable<T extends KubeObject = KubeObject> {
	private readonly entries = new Map<string, LiveRow<T>>();
	private sorted: Array<LiveRow<T>> = [];
	private pending = new Map<string, T | null>();
	private watch: {cancel(): void} | undefined;
	private readonly columns: ReadonlyArray<Column<T>>;
	/** Per column: whether it reads the context (decided on the first row); undefined when none does. */
	liveColumns: boolean[] | undefined;
	/** Every live column is a clock column (AGE...): the filter can read the fixed cells. */
	liveClockOnly = false;
	private classified = false;
	/** Per fixed column: how many rows have each cell width. */
	private readonly widthCounts: Array<Map<number, number>>;
	private current: TableData | undefined;
	private currentLiveKey: string | undefined;
	private ctx: RenderContext | undefined;
	/** Bumped when the context changes: rows re-derive their live cells on their next read. */
	generation = 0;

	/** `onChange` hears every applied change, old object then new (undefined for add and delete). */
	constructor(
		private readonly client: ApiClient,
		private readonly renderer: ResourceRenderer<T>,
		private readonly onChange?: (old: T | undefined, next: T | undefined) => void,
	) {
		this.columns = renderer.columns;
		this.widthCounts = this.columns.map(() => new Map());
	}

	/** List, then watch from the list's revision; a failed watch lists again. */
	start(): this {
		const list = this.client.list<T>(this.renderer.resource);
		const listed = new Set<string>();
		for (const object of list.items) {
			const key = rowKey(object);
			listed.add(key);
			this.pending.set(key, object);
		}
		for (const key of this.entries.keys()) if (!listed.has(key)) this.pending.set(key, null);
		this.watch = this.client.watch<T>(this.renderer.resource, {resourceVersion: list.resourceVersion}, event => {
			this.pending.set(rowKey(event.object), event.type === 'DELETED' ? null : event.object);
		}, () => this.restart());
		return this;
	}

	private restart(): void {
		this.watch?.cancel();
		this.start();
	}

	stop(): void {
		this.watch?.cancel();
		this.watch = undefined;
	}

	/** The table now; `liveKey` names the context (time, usage): when it changes, live columns are re-derived. */
	table(ctx: RenderContext, liveKey: string): TableData {
		if (this.current && this.pending.size === 0 && liveKey === this.currentLiveKey) return this.current;
		this.ctx = ctx;
		if (liveKey !== this.currentLiveKey) this.generation++;
		const reordered = this.applyPending(ctx);
		const rows = reordered || !this.current ? this.sorted.slice() : (this.current.rows as Array<LiveRow<T>>);
		const widths = this.columns.map((column, c) => Math.max(textWidth(column.title), this.liveColumns?.[c] ? 0 : maxKey(this.widthCounts[c]!)));
		if (this.liveColumns) {
			const step = Math.max(1, Math.ceil(rows.length / widthSample));
			for (let i = 0; i < rows.length; i += step) this.measure(rows[i]!, widths);
			if (rows.length > 0) this.measure(rows.at(-1)!, widths);
		}
		this.columns.forEach((column, c) => {
			if (column.width !== undefined) widths[c] = Math.min(widths[c]!, Math.max(column.width, textWidth(column.title)));
		});
		const index = reordered || !this.current ? new SortedIndex(rows, this.entries, this.renderer.compare) : this.current.index;
		const headers = this.current?.columns ?? this.columns.map(({value: _value, ...header}) => header);
		this.current = {resource: this.renderer.resource, columns: headers, rows, widths, index};
		this.currentLiveKey = liveKey;
		return this.current;
	}

	private measure(row: LiveRow<T>, widths: number[]): void {
		const cells = row.cells;
		for (let c = 0; c < this.columns.length; c++) {
			if (!this.liveColumns![c]) continue;
			const width = textWidth(cells[c]!);
			if (width > widths[c]!) widths[c] = width;
		}
	}

	/** A row's cells with the live columns derived for the current context. */
	liveCells(object: T, fixed: readonly string[]): string[] {
		const cells = fixed.slice();
		for (let c = 0; c < this.columns.length; c++) if (this.liveColumns![c]) cells[c] = this.columns[c]!.value(object, this.ctx!);
		return cells;
	}

	/** Apply the buffered events; true when rows were added, removed or moved. */
	private applyPending(ctx: RenderContext): boolean {
		if (this.pending.size === 0) return false;
		const changes = this.pending;
		this.pending = new Map();
		const resort = changes.size > Math.max(16, this.sorted.length * resortShare);
		let reordered = false;
		for (const [key, object] of changes) {
			const old = this.entries.get(key);
			if (old?.object === object) continue;
			if (old) {
				this.count(old, -1);
				if (!resort) this.sorted.splice(this.position(old), 1);
				this.entries.delete(key);
			}
			if (object) {
				const row = this.rowOf(key, object, ctx);
				this.entries.set(key, row);
				this.count(row, 1);
				if (!resort) this.sorted.splice(this.insertionPoint(object), 0, row);
			}
			reordered = true;
			this.onChange?.(old?.object, object ?? undefined);
		}
		if (resort) this.sorted = [...this.entries.values()].sort((a, b) => this.renderer.compare(a.object, b.object));
		return reordered;
	}

	private rowOf(key: string, object: T, ctx: RenderContext): LiveRow<T> {
		if (!this.classified) {
			const live = this.classify(object, ctx);
			this.liveColumns = live.includes(true) ? live : undefined;
			this.liveClockOnly = live.every((isLive, c) => !isLive || clockColumns.has(this.columns[c]!.title));
			this.classified = true;
		}
		const cells = this.columns.map((column, c) => (this.liveColumns?.[c] ? '' : column.value(object, ctx)));
		return new LiveRow(key, object, this.renderer.tone(object, ctx), cells, this);
	}

	/** Which columns read the context: evaluate each once with a context that notices being read. */
	private classify(object: T, ctx: RenderContext): boolean[] {
		return this.columns.map(column => {
			let read = false;
			const watching: RenderContext = {
				get now() {
					read = true;
					return ctx.now;
				},
				get nodeUsage() {
					read = true;
					return ctx.nodeUsage;
				},
			};
			column.value(object, watching);
			return read;
		});
	}

	private count(row: LiveRow<T>, delta: 1 | -1): void {
		for (let c = 0; c < this.columns.length; c++) {
			if (this.liveColumns?.[c]) continue;
			const counts = this.widthCounts[c]!;
			const width = textWidth(row.fixed[c]!);
			const n = (counts.get(width) ?? 0) + delta;
			if (n > 0) counts.set(width, n);
			else counts.delete(width);
		}
	}

	/** First index whose object sorts after `object`. */
	private insertionPoint(object: T): number {
		let low = 0;
		let high = this.sorted.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (this.renderer.compare(this.sorted[mid]!.object, object) <= 0) low = mid + 1;
			else high = mid;
		}
		return low;
	}

	/** Where a row sits now: binary search to its equals, then the one that is it. */
	private position(row: LiveRow<T>): number {
		let low = 0;
		let high = this.sorted.length;
		while (low < high) {
			const mid = (low + high) >>> 1;
			if (this.renderer.compare(this.sorted[mid]!.object, row.object) < 0) low = mid + 1;
			else high = mid;
		}
		for (let i = low; i < this.sorted.length; i++) if (this.sorted[i] === row) return i;
		return this.sorted.indexOf(row);
	}
}

function maxKey(counts: ReadonlyMap<number, number>): number {
	let max = 0;
	for (const width of counts.keys()) if (width > max) max = width;
	return max;
}

