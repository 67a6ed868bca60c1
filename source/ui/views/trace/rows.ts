// The trace view's rows: one tick's writes, grouped by component (its name on the group's first row), what was
// done, and why (a column when the terminal is wide enough; the line under the table shows the cursor row's).
import type {TickTrace, TraceLine} from '../../../cluster/index.js';
import type {ColumnHeader, TableData} from '../../snapshot/table-data.js';
import type {Tone} from '../../render/types.js';
import {textWidth} from '../../text.js';
import {viewTable, type ViewRow} from '../table.js';

/** WHAT keeps up to this much before WHY gives way (WHY then shows only for the cursor line, under the table). */
const whatRoom = 48;

export function traceColumns(whatWidth: number): ColumnHeader[] {
	return [
		{title: 'COMPONENT', min: 8},
		{title: 'WHAT', min: Math.min(whatWidth, whatRoom), cut: true},
		{title: 'WHY', drop: 1},
	];
}

const troubled = new Set(['could not schedule', 'failed', 'backed off', 'failed probe of']);

function tone(line: TraceLine): Tone {
	if (troubled.has(line.action)) return 'error';
	if (line.action === 'deleted' || line.action === 'evicted') return 'terminating';
	return 'normal';
}

/** The lines in view order: groups in the order the components ran. */
export function traceLines(trace: TickTrace): TraceLine[] {
	return trace.groups.flatMap(g => g.lines);
}

/** A line's row key: its write's revision (one write, one line) and the object. */
export function lineKey(line: TraceLine): string {
	return `${line.revision}/${line.object.resource}/${line.object.namespace ?? ''}/${line.object.name}`;
}

export function traceRows(trace: TickTrace): ViewRow[] {
	return trace.groups.flatMap(group => group.lines.map((line, i) => ({
		key: lineKey(line),
		cells: [i === 0 ? group.component : '', line.text, line.why ?? ''],
		tone: tone(line),
		ref: line.object,
	})));
}

export function traceTable(trace: TickTrace): TableData {
	const rows = traceRows(trace);
	const what = rows.reduce((max, r) => Math.max(max, textWidth(r.cells[1]!)), 4);
	return viewTable('trace', traceColumns(what), rows);
}

/** The line a row key names. */
export function lineOf(trace: TickTrace, key: string | undefined): TraceLine | undefined {
	return key === undefined ? undefined : traceLines(trace).find(l => lineKey(l) === key);
}

/** The line under the cursor in full: who, what, why. */
export function traceDetail(trace: TickTrace, key: string | undefined): string {
	if (trace.groups.length === 0) return `no writes in tick ${trace.tick}`;
	const line = lineOf(trace, key);
	if (!line) return 'no line matches the filter';
	return `${line.component} ${line.text}${line.why ? ` (${line.why})` : ''}`;
}

/** The keys of the view, with the ticks one can go to. */
export function traceHints(trace: TickTrace): string {
	return `tick ${trace.tick} of ${trace.oldest}-${trace.newest} · ${trace.writes} writes · [ ]: earlier/later tick · enter: go to object · esc: back`;
}
