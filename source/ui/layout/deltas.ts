// k9s's deltas: a number that went up since the last refresh (here: the last tick) gets `↑`, one that went down
// `↓` (k9s internal/ui/deltas.go: integers, percentages, quantities). The arrow sits right after the value, in room
// the column or the gap after it already has, so a change never moves a column.
import type {FittedTable} from './columns.js';
import {fit, textWidth} from '../text.js';

export type Delta = 'up' | 'down';

const deltaSign: Record<Delta, string> = {up: '↑', down: '↓'};

const suffixes: Record<string, number> = {
	m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
	Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

const number = /^(-?\d+(?:\.\d+)?)(%|m|k|M|G|T|P|E|Ki|Mi|Gi|Ti|Pi|Ei)?$/;

/** A cell as a number: `3`, `75%`, `250m`, `1.5Gi`; undefined for any other text (`1/3`, `Running`, `<none>`). */
export function numeric(cell: string): number | undefined {
	const match = number.exec(cell.trim());
	if (!match) return undefined;
	const unit = match[2];
	return Number(match[1]) * (unit === undefined || unit === '%' ? 1 : suffixes[unit]!);
}

/** The arrow between a cell's text at the last tick and now; none unless both are numbers of one kind and differ. */
export function delta(before: string, now: string): Delta | undefined {
	if (before === now) return undefined;
	const a = numeric(before);
	const b = numeric(now);
	if (a === undefined || b === undefined || before.endsWith('%') !== now.endsWith('%')) return undefined;
	return b > a ? 'up' : b < a ? 'down' : undefined;
}

/** Per cell, its arrow; undefined when none has one. Columns in `ignore` (ages) move with the clock alone. */
export function cellDeltas(before: readonly string[], now: readonly string[], ignore: ReadonlySet<number>): Array<Delta | undefined> | undefined {
	let deltas: Array<Delta | undefined> | undefined;
	for (let i = 0; i < now.length; i++) {
		if (ignore.has(i)) continue;
		const d = delta(before[i] ?? '', now[i] ?? '');
		if (d) (deltas ??= [])[i] = d;
	}
	return deltas;
}

export interface Segment {
	text: string;
	delta?: Delta;
}

/** A row's text as formatRow lays it out, cut where arrows go: `[{text: 'web-1  1/1  Running  3'}, {text: '↑',
 * delta: 'up'}, ...]`. An arrow takes room the column has to spare (after a left-aligned value; at the end of a
 * right-aligned one, the value moved left by one), else the gap after the column when that leaves a space before the
 * next one; with neither it is left out. */
export function rowSegments(cells: readonly string[], fitted: FittedTable, width: number, deltas: ReadonlyArray<Delta | undefined>): Segment[] {
	const segments: Segment[] = [];
	let text = '';
	const gap = ' '.repeat(fitted.gap);
	fitted.columns.forEach((column, i) => {
		const last = i === fitted.columns.length - 1;
		const value = cells[column.index] ?? '';
		let cell = fit(value, column.width, column.align);
		let after = last ? '' : gap;
		const d = deltas[column.index];
		const spare = column.width - textWidth(value);
		if (d && (spare > 0 || after.length >= 2)) {
			const shown = cell.trim();
			const padding = column.width - textWidth(shown);
			// Right-aligned, the value ends one column earlier; left-aligned, it starts where it did.
			const before = column.align === 'right' ? ' '.repeat(Math.max(0, padding - 1)) : '';
			segments.push({text: text + before + shown});
			segments.push({text: deltaSign[d], delta: d});
			text = '';
			if (spare > 0) cell = ' '.repeat(padding - 1 - before.length);
			else {
				cell = '';
				after = after.slice(1);
			}
		}
		text += cell + after;
	});
	segments.push({text});
	// The whole row still fits `width`, as formatRow's does.
	let used = 0;
	const out: Segment[] = [];
	for (const segment of segments) {
		const room = width - used;
		if (room <= 0) break;
		const piece = textWidth(segment.text) > room ? fit(segment.text, room) : segment.text;
		out.push(segment.delta ? {text: piece, delta: segment.delta} : {text: piece});
		used += textWidth(piece);
	}
	if (used < width) out.push({text: ' '.repeat(width - used)});
	return out;
}
