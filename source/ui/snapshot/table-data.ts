// A resource's rows, derived once per cluster change: sorted, every cell as text, natural column widths.
import type {KubeObject} from '../../cluster/index.js';
import {textWidth} from '../text.js';
import {rowKey, type Column, type RenderContext, type ResourceRenderer, type Tone} from '../render/types.js';

/** Columns whose text moves with the clock alone: a row is not "modified" because it aged, and the `/` filter does
 * not read them (a row would drift in and out of a filter as time passes). */
export const clockColumns: ReadonlySet<string> = new Set(['AGE', 'LAST SEEN', 'FIRST SEEN']);

/** The indexes of a table's clock columns. */
export function clockIndexes(columns: readonly ColumnHeader[]): Set<number> {
	return new Set(columns.flatMap((c, i) => (clockColumns.has(c.title) ? [i] : [])));
}

export interface TableRow {
	/** namespace/name: the identity the cursor follows when rows move. */
	key: string;
	cells: string[];
	/** The cells the `/` filter reads, when cheaper than `cells` (a live row's cells without its clock columns
	 * derived); the filter skips the clock columns of whichever it reads. */
	readonly searchCells?: readonly string[];
	tone: Tone;
	object: KubeObject;
}

export type ColumnHeader = Omit<Column<never>, 'value'>;

export interface TableData {
	/** Plural resource name, shown in the pane's title. */
	resource: string;
	columns: ColumnHeader[];
	rows: TableRow[];
	/** Widest cell (or title) of each column over all rows, capped by the column's width. */
	widths: number[];
	/** Row index by key. */
	index: ReadonlyMap<string, number>;
}

export function buildTable<T extends KubeObject>(renderer: ResourceRenderer<T>, objects: readonly T[], ctx: RenderContext): TableData {
	const columns = renderer.columns as ReadonlyArray<Column<T>>;
	const sorted = [...objects].sort(renderer.compare);
	const widths = columns.map(c => textWidth(c.title));
	const index = new Map<string, number>();
	const rows = sorted.map((object, i) => {
		const cells = columns.map((column, c) => {
			const value = column.value(object, ctx);
			const width = textWidth(value);
			if (width > widths[c]!) widths[c] = width;
			return value;
		});
		const key = rowKey(object);
		index.set(key, i);
		return {key, cells, tone: renderer.tone(object, ctx), object};
	});
	columns.forEach((column, c) => {
		if (column.width !== undefined) widths[c] = Math.min(widths[c]!, Math.max(column.width, textWidth(column.title)));
	});
	const headers = columns.map(({value: _value, ...header}) => header);
	return {resource: renderer.resource, columns: headers, rows, widths, index};
}
