// A table as one view shows it: only the namespace chosen, the `/` filter's rows, in the sort asked for. Pure and
// local (k9s users complain of filters that go back to the server): the rows are already derived.
import {lastSeen, parseSelector, type Event, type KubeObject} from '../../cluster/index.js';
import type {Sort} from '../state/types.js';
import {SubsequenceIndex} from './row-index.js';
import {clockIndexes, type TableData, type TableRow} from './table-data.js';

export interface TableOptions {
	namespace?: string;
	filter?: string;
	sort?: Sort;
}

export type RowMatcher = (row: TableRow) => boolean;

/** Each row's cells but the clock columns, as one lower-case line, kept while the cells are the same array (a
 * live row's fixed cells change only with its object): typing a filter matches 30,000 rows per character, and the
 * first character after a tick joins only the rows that changed. */
const lineOf = Symbol('search line');
type Searchable = TableRow & {[lineOf]?: {cells: readonly string[]; line: string}};

function searchLine(row: Searchable, skip: ReadonlySet<number>): string {
	const cells = row.searchCells ?? row.cells;
	const cached = row[lineOf];
	if (cached?.cells === cells) return cached.line;
	let joined: string | undefined;
	for (let i = 0; i < cells.length; i++) if (!skip.has(i)) joined = joined === undefined ? cells[i]! : `${joined} ${cells[i]!}`;
	const line = (joined ?? '').toLowerCase();
	// On the row itself (not a WeakMap): a property read is what 30,000 rows per character can afford.
	if (Object.isExtensible(row)) Object.defineProperty(row, lineOf, {value: {cells, line}, writable: true, configurable: true, enumerable: false});
	return line;
}

const regexSyntax = /[\\^$.|?*+()[\]{}]/;

/** A filter that is plain text (no regex syntax, no `!`, no `-l`): a longer one matches a subset of its rows. */
function literal(filter: string): string | undefined {
	return filter.startsWith('!') || /^-l/.test(filter.trim()) || regexSyntax.test(filter) ? undefined : filter.toLowerCase();
}

/** The `/` text as a row test: `-l app=web` a label selector, `!x` the rows not matching x, else a case-insensitive
 * regex over the cells but the clock columns in `skip` (a string that is not a valid regex matches as plain text).
 * Throws on a bad selector. */
export function rowMatcher(filter: string, skip: ReadonlySet<number> = new Set()): RowMatcher {
	const label = /^-l\s*(.*)$/.exec(filter.trim());
	if (label) {
		const selector = parseSelector(label[1]!.trim());
		return row => selector.matches(row.object.metadata?.labels ?? {});
	}
	const plain = literal(filter);
	if (plain !== undefined) return row => searchLine(row, skip).includes(plain);
	const inverse = filter.startsWith('!');
	const text = inverse ? filter.slice(1) : filter;
	let test: (line: string) => boolean;
	try {
		// Over the lower-cased line, still case-insensitive: `[A-Z]` and `\\p{Lu}` mean what they say.
		const re = new RegExp(text, 'i');
		test = line => re.test(line);
	} catch {
		const needle = text.toLowerCase();
		test = line => line.includes(needle);
	}
	return row => test(searchLine(row, skip)) !== inverse;
}

/** Rows kept from a table, in its order, with their positions in it (for the index). */
interface Kept {
	rows: TableRow[];
	positions: number[];
}

function keep(table: TableData, from: Kept | undefined, test: (row: TableRow) => boolean): Kept {
	const kept: Kept = {rows: [], positions: []};
	const rows = from?.rows ?? table.rows;
	for (let i = 0; i < rows.length; i++) {
		const row = rows[i]!;
		if (!test(row)) continue;
		kept.rows.push(row);
		kept.positions.push(from ? from.positions[i]! : i);
	}
	return kept;
}

/** The last filter applied to each table (a table is a new object whenever a row or the clock changed): typing
 * `/app-0` narrows what `/app-` kept instead of matching 30,000 rows again. */
const lastFilter = new WeakMap<TableData, {namespace: string | undefined; filter: string; kept: Kept}>();

function filterRows(table: TableData, namespace: string | undefined, filter: string | undefined): Kept {
	const inNamespace = (row: TableRow) => !namespace || row.object.metadata?.namespace === undefined || row.object.metadata.namespace === namespace;
	if (!filter) return keep(table, undefined, inNamespace);
	let matches: RowMatcher;
	try {
		matches = rowMatcher(filter, clockIndexes(table.columns));
	} catch {
		return {rows: [], positions: []};
	}
	const last = lastFilter.get(table);
	const plain = literal(filter);
	const before = last && literal(last.filter);
	const narrowing = last && last.namespace === namespace && plain !== undefined && before !== undefined && plain.startsWith(before);
	const kept = narrowing ? keep(table, last.kept, matches) : keep(table, undefined, row => inNamespace(row) && matches(row));
	lastFilter.set(table, {namespace, filter, kept});
	return kept;
}

const timestamp = (object: KubeObject): number => {
	const at = object.kind === 'Event' ? lastSeen(object as Event) : object.metadata?.creationTimestamp;
	return Date.parse(at ?? '') || 0;
};

/** Text that sorts as people read it: numbers by value (`10` after `9`, `2/3` by its first number). */
function compareCells(a: string, b: string): number {
	const na = /^-?\d+(\.\d+)?/.exec(a);
	const nb = /^-?\d+(\.\d+)?/.exec(b);
	if (na && nb && Number(na[0]) !== Number(nb[0])) return Number(na[0]) - Number(nb[0]);
	return a < b ? -1 : a > b ? 1 : 0;
}

export function sortRows(table: TableData, rows: TableRow[], sort: Sort): TableRow[] {
	const byTime = sort.column === 'AGE' || sort.column === 'LAST SEEN';
	const column = table.columns.findIndex(c => c.title === sort.column);
	if (!byTime && column < 0) return rows;
	const sign = sort.descending ? -1 : 1;
	// AGE ascending lists the youngest first, as k9s does (ages grow as timestamps fall).
	const compare = byTime
		? (a: TableRow, b: TableRow) => timestamp(b.object) - timestamp(a.object)
		: (a: TableRow, b: TableRow) => compareCells(a.cells[column] ?? '', b.cells[column] ?? '');
	return rows.map((row, i) => ({row, i})).sort((a, b) => sign * compare(a.row, b.row) || a.i - b.i).map(({row}) => row);
}

/** The rows one view shows; the same TableData when nothing narrows or reorders it. */
export function viewTable(table: TableData, options: TableOptions): TableData {
	const {namespace, filter, sort} = options;
	if (!namespace && !filter && !sort) return table;
	const kept = namespace || filter ? filterRows(table, namespace, filter) : undefined;
	if (!sort) return {...table, rows: kept!.rows, index: new SubsequenceIndex(kept!.rows, kept!.positions, table.index)};
	const rows = sortRows(table, kept?.rows ?? table.rows, sort);
	return {...table, rows, index: new Map(rows.map((row, i) => [row.key, i]))};
}
