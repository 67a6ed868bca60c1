// A bordered, windowed resource table in k9s style: ` pods(all)[1,234] ` in the top border, column titles, and
// only the rows that fit in its height (the cursor kept in view). Cost does not grow with the row count.
import {Box, Text} from 'ink';
import {useMemo, useRef} from 'react';
import {fitTable, type FittedTable} from '../layout/columns.js';
import {cellDeltas, rowSegments, type Delta, type Segment} from '../layout/deltas.js';
import {scrollTop} from '../layout/window.js';
import {clockIndexes, type TableData, type TableRow} from '../snapshot/table-data.js';
import type {Sort} from '../state/types.js';
import {fit, textWidth, thousands} from '../text.js';
import type {Theme} from '../theme.js';

export interface ResourceTableProps {
	table: TableData;
	/** `all` or a namespace, shown in the title. */
	scope?: string;
	cursor: number;
	width: number;
	/** Total height, borders included. */
	height: number;
	focused: boolean;
	theme: Theme;
	wide?: boolean;
	/** The `/` filter on, shown after the title: ` </web> `. */
	filter?: string;
	/** The sort on, shown as an arrow after its column's title (`NAME↑`). */
	sort?: Sort;
	/** The column shift-O sorts by (an index into the columns shown), underlined. */
	markColumn?: number;
	/** Hide the NAMESPACE column (one namespace is shown: k9s drops it then). */
	hideNamespace?: boolean;
	/** Shown in place of the resource name in the title: `pods:worker-1`. */
	name?: string;
	/** The cluster's tick: rows added or modified during the last tick are highlighted. */
	tick?: number;
}

/** Lines the table spends on borders and column titles. */
export const tableChrome = 3;

export function tableTitle(resource: string, scope: string | undefined, count: number): string {
	return ` ${resource}${scope ? `(${scope})` : ''}[${thousands(count)}] `;
}

/** The top border with the title centred in it: `┌──── pods(all)[12] ────┐`. */
export function topBorder(title: string, width: number, double: boolean): {left: string; title: string; right: string} {
	const [corner1, line, corner2] = double ? ['╔', '═', '╗'] : ['┌', '─', '┐'];
	const inner = Math.max(0, width - 2);
	const shown = fit(title, Math.min(textWidth(title), inner));
	const before = Math.floor((inner - textWidth(shown)) / 2);
	const after = inner - textWidth(shown) - before;
	return {left: corner1 + line.repeat(before), title: shown, right: line.repeat(after) + corner2};
}

export function formatRow(cells: readonly string[], fitted: FittedTable, width: number): string {
	const gap = ' '.repeat(fitted.gap);
	const text = fitted.columns.map(c => fit(cells[c.index] ?? '', c.width, c.align)).join(gap);
	return fit(text, width);
}

export type Change = 'added' | 'modified' | undefined;

function Row({row, text, selected, marker, theme, change}: {row: TableRow; text: string | Segment[]; selected: boolean; marker: boolean; theme: Theme; change: Change}) {
	// Without colour the gutter says it: '>' cursor, '+' added, '~' modified since the last tick.
	const gutter = marker ? (selected ? '>' : change === 'added' ? '+' : change === 'modified' ? '~' : ' ') : '';
	if (selected) return <Text {...theme.cursor}>{gutter}{typeof text === 'string' ? text : text.map(s => s.text).join('')}</Text>;
	const color = (change && theme.change[change]) ?? theme.tone[row.tone];
	if (typeof text === 'string') return <Text color={color}>{gutter}{text}</Text>;
	// A number that changed in the last tick: its arrow in k9s's colours (up red, down green).
	return (
		<Text color={color}>
			{gutter}
			{text.map((s, i) => (s.delta ? <Text key={i} color={theme.delta[s.delta]} bold>{s.text}</Text> : s.text))}
		</Text>
	);
}

/** What changed in a row since the table as it was at the end of the previous tick; a modified row's numbers that
 * went up or down carry their arrows. */
export function rowChange(row: TableRow, previous: TableData | undefined, ignore: ReadonlySet<number>): {change: Change; deltas?: Array<Delta | undefined>} {
	if (!previous) return {change: undefined};
	const at = previous.index.get(row.key);
	if (at === undefined) return {change: 'added'};
	const before = previous.rows[at];
	if (!before || before.object === row.object) return {change: undefined};
	for (let i = 0; i < row.cells.length; i++) {
		if (!ignore.has(i) && row.cells[i] !== before.cells[i]) {
			const deltas = cellDeltas(before.cells, row.cells, ignore);
			return deltas ? {change: 'modified', deltas} : {change: 'modified'};
		}
	}
	return {change: undefined};
}

/** The table as it was before the current tick: rows are compared with it to mark what the last tick changed. */
function usePreviousTick(table: TableData, tick: number | undefined): TableData | undefined {
	const ref = useRef<{tick?: number; current?: TableData; previous?: TableData}>({});
	const state = ref.current;
	if (tick === undefined) return undefined;
	if (state.current && state.current.resource !== table.resource) ref.current = {};
	if (ref.current.current !== table) {
		if (ref.current.tick !== undefined && ref.current.tick !== tick) ref.current.previous = ref.current.current;
		ref.current.tick = tick;
		ref.current.current = table;
	}
	return ref.current.previous;
}

/** Widest each column has been while this table was shown: fitting by these keeps columns from appearing and
 * vanishing as the data changes (a column drops only when the terminal is too narrow for what it has shown). */
function useReservedWidths(table: TableData): number[] {
	const reserved = useRef<{resource: string; widths: number[]}>({resource: '', widths: []});
	const current = reserved.current;
	if (current.resource !== table.resource || current.widths.length !== table.widths.length) {
		reserved.current = {resource: table.resource, widths: table.widths.map((w, i) => Math.max(w, table.columns[i]!.reserve ?? 0))};
	} else {
		for (let i = 0; i < table.widths.length; i++) if (table.widths[i]! > current.widths[i]!) current.widths[i] = table.widths[i]!;
	}
	return reserved.current.widths;
}

/** Column titles with the sort arrow: `NAME↑`, `AGE↓`. */
export function columnTitles(table: TableData, sort: Sort | undefined): string[] {
	return table.columns.map(c => (sort?.column === c.title ? `${c.title}${sort.descending ? '↓' : '↑'}` : c.title));
}

export function ResourceTable({table, scope, cursor, width, height, focused, theme, wide = false, filter, sort, markColumn, hideNamespace, name, tick}: ResourceTableProps) {
	const marker = !theme.color;
	const inner = Math.max(0, width - 2);
	const rowWidth = Math.max(0, inner - (marker ? 1 : 0));
	const reserved = useReservedWidths(table);
	const namespaceColumn = hideNamespace ? table.columns.findIndex(c => c.title === 'NAMESPACE') : -1;
	// The sorted column's title carries an arrow: keep room for it.
	const sorted = sort ? table.columns.findIndex(c => c.title === sort.column) : -1;
	const natural = sorted < 0 ? reserved : reserved.map((w, i) => (i === sorted ? Math.max(w, textWidth(table.columns[i]!.title) + 1) : w));
	const widths = natural.join(',');
	const columns = useMemo(
		() => fitTable(table.columns, natural, rowWidth, wide, namespaceColumn >= 0 ? new Set([namespaceColumn]) : undefined),
		// Keyed by the widths' values, not the array: the reserved widths grow in place.
		[table.columns, widths, rowWidth, wide, namespaceColumn],
	);
	const visible = Math.max(0, height - tableChrome);
	const top = useRef(0);
	top.current = scrollTop(top.current, cursor, visible, table.rows.length);
	const rows = table.rows.slice(top.current, top.current + visible);
	const previous = usePreviousTick(table, tick);
	const ignore = useMemo(() => clockIndexes(table.columns), [table.columns]);
	const double = focused && !theme.color;
	const borderColor = focused ? theme.border.focused : theme.border.blurred;
	const title = tableTitle(name ?? table.resource, table.resource === 'nodes' ? undefined : scope, table.rows.length) + (filter ? `</${filter}> ` : '');
	const border = topBorder(title, width, double);
	const marked = markColumn === undefined ? undefined : columns.columns[markColumn]?.index;
	const titles = formatRow(columnTitles(table, sort).map((t, i) => (i === marked ? `${t}*` : t)), columns, rowWidth);

	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0}>
			<Text wrap="truncate">
				<Text color={borderColor}>{border.left}</Text>
				<Text color={theme.title} bold={focused}>{border.title}</Text>
				<Text color={borderColor}>{border.right}</Text>
			</Text>
			{/* Keyed by its border style: ink lays out a box whose style changes (focus moving, without colour) one line
			    off, so it is drawn anew instead. */}
			<Box
				key={double ? 'double' : 'single'}
				flexDirection="column"
				height={height - 1}
				borderStyle={double ? 'double' : 'single'}
				borderTop={false}
				borderColor={borderColor}
			>
				<Text bold color={theme.header}>{marker ? ' ' : ''}{titles}</Text>
				{rows.map((row, i) => {
					const {change, deltas} = rowChange(row, previous, ignore);
					return (
						<Row
							key={row.key}
							row={row}
							text={deltas ? rowSegments(row.cells, columns, rowWidth, deltas) : formatRow(row.cells, columns, rowWidth)}
							selected={focused && top.current + i === cursor}
							marker={marker}
							theme={theme}
							change={change}
						/>
					);
				})}
			</Box>
		</Box>
	);
}
