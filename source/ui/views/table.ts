// The views' rows as the dashboard's TableData, so they are drawn by the one windowed ResourceTable (borders, title,
// column fitting, cursor, NO_COLOR marker) like every resource pane. Rows stand for things that are not objects
// (trace lines, nodes of a grid, processes): `object` names what a row points at, when anything.
import type {KubeObject} from '../../cluster/index.js';
import type {Tone} from '../render/types.js';
import type {Theme} from '../theme.js';
import type {ColumnHeader, TableData, TableRow} from '../snapshot/table-data.js';
import {textWidth} from '../text.js';

/** What every inspect view (trace, why, control plane) is drawn with, besides its own data. */
export interface InspectViewProps {
	/** The rows as shown (a `/` filter applied); default: all of the view's rows. */
	table?: TableData;
	filter?: string;
	width: number;
	height: number;
	cursor: number;
	theme: Theme;
}

export interface ViewRow {
	key: string;
	cells: string[];
	tone?: Tone;
	/** What the row points at (a trace line's object), as a reference with only kind and name. */
	ref?: {resource: string; namespace?: string; name: string};
}

export function viewTable(resource: string, columns: readonly ColumnHeader[], rows: readonly ViewRow[]): TableData {
	const widths = columns.map(c => textWidth(c.title));
	const index = new Map<string, number>();
	const tableRows: TableRow[] = rows.map((row, i) => {
		row.cells.forEach((cell, c) => {
			const width = textWidth(cell);
			if (width > widths[c]!) widths[c] = width;
		});
		index.set(row.key, i);
		const object: KubeObject = {kind: row.ref?.resource, metadata: row.ref ? {name: row.ref.name, ...(row.ref.namespace ? {namespace: row.ref.namespace} : {})} : {}};
		return {key: row.key, cells: row.cells, tone: row.tone ?? 'normal', object};
	});
	return {resource, columns: [...columns], rows: tableRows, widths, index};
}
