// The header's text: cluster facts on the left (name, tick and clock state, simulated time), key hints in a grid
// beside them (k9s style); one line on small terminals. Pure: the Header component only colours the segments.
import {displayKey, type Binding} from '../state/keymap.js';
import {fit, textWidth, truncate} from '../text.js';

export interface HeaderFacts {
	cluster: string;
	/** `Tick 12` */
	tick: string;
	/** `Paused · 1x` or `Playing 2x` */
	clock: string;
	/** `2026-01-01 00:00:12` */
	time: string;
}

export type Segment = {text: string; role: 'label' | 'value' | 'key' | 'hint' | 'plain'};
export type HeaderLine = Segment[];

/** How the tick runner is doing: a tick running, and the ticks per wall second achieved lately. */
export interface ClockProgress {
	busy: boolean;
	/** Ticks are asked for faster than they complete. */
	behind: boolean;
	rate: number | undefined;
}

/**
 * `Playing 2x`, `Paused · 1x`; `Playing 16x (2.7/s)` when ticks take longer than the speed allows (the rate
 * achieved), and `Paused · 1x · ticking…` while a stepped tick still runs.
 */
export function clockText(playing: boolean, speed: string, progress?: ClockProgress): string {
	if (!playing) return progress?.busy ? `Paused · ${speed} · ticking…` : `Paused · ${speed}`;
	const rate = progress?.rate;
	return progress?.behind && rate !== undefined ? `Playing ${speed} (${formatRate(rate)}/s)` : `Playing ${speed}`;
}

/** 2.7, 0.4, 12: one decimal below 10 ticks a second. */
export function formatRate(rate: number): string {
	return rate >= 10 ? String(Math.round(rate)) : (Math.round(rate * 10) / 10).toFixed(1);
}

export const fullHeaderHeight = 3;

function hintCell(binding: Binding): {key: string; label: string; width: number} {
	const key = `<${displayKey(binding.keys[0]!)}>`;
	return {key, label: binding.label, width: textWidth(key) + 1 + textWidth(binding.label)};
}

export function fullHeader(facts: HeaderFacts, hints: readonly Binding[], width: number): HeaderLine[] {
	const rows: Array<[string, string]> = [
		['Cluster:', facts.cluster],
		['Clock:', `${facts.tick} · ${facts.clock}`],
		['Time:', facts.time],
	];
	const valueWidth = Math.max(...rows.map(([, v]) => textWidth(v)));
	const factsWidth = Math.min(width, 1 + 9 + valueWidth + 4);
	const lines: HeaderLine[] = rows.map(([label, value]) => [
		{text: ' ' + fit(label, 9), role: 'label'},
		{text: fit(value, Math.max(0, factsWidth - 10)), role: 'value'},
	]);
	const cells = hints.map(hintCell);
	const cellWidth = Math.max(0, ...cells.map(c => c.width)) + 2;
	const space = width - factsWidth;
	const gridColumns = cellWidth > 0 ? Math.floor(space / cellWidth) : 0;
	for (let column = 0; column < gridColumns; column++) {
		for (let row = 0; row < fullHeaderHeight; row++) {
			const cell = cells[column * fullHeaderHeight + row];
			if (!cell) continue;
			lines[row]!.push({text: cell.key, role: 'key'}, {text: ' ' + fit(cell.label, cellWidth - cell.key.length - 1), role: 'hint'});
		}
	}
	return lines;
}

/** One line: ` kubetui │ Tick 12 │ Paused · 1x │ 2026-01-01 00:00:12 │ <?> Help`, cut to the width. */
export function compactHeader(facts: HeaderFacts, width: number): HeaderLine {
	const parts: Segment[] = [
		{text: ` ${facts.cluster}`, role: 'value'},
		{text: ' │ ', role: 'plain'},
		{text: facts.tick, role: 'value'},
		{text: ' │ ', role: 'plain'},
		{text: facts.clock, role: 'value'},
		{text: ' │ ', role: 'plain'},
		{text: facts.time, role: 'value'},
		{text: ' │ ', role: 'plain'},
		{text: '<?>', role: 'key'},
		{text: ' Help', role: 'hint'},
	];
	const line: Segment[] = [];
	let left = width;
	for (const part of parts) {
		if (left <= 0) break;
		const text = truncate(part.text, left);
		line.push({...part, text});
		left -= textWidth(text);
	}
	return line;
}

/** One line of key hints, as many as fit: `<n> Step  <space> Play/Pause  <:> Command ...`. */
export function hintLine(hints: readonly Binding[], width: number): HeaderLine {
	const line: Segment[] = [{text: ' ', role: 'plain'}];
	let left = width - 1;
	for (const binding of hints) {
		const {key, label} = hintCell(binding);
		const need = textWidth(key) + 1 + textWidth(label) + 2;
		if (need > left) break;
		line.push({text: key, role: 'key'}, {text: ` ${label}  `, role: 'hint'});
		left -= need;
	}
	return line;
}

/** Two lines (terminals of 20-29 rows, 80x24 among them): the facts, then as many key hints as fit. */
export function twoLineHeader(facts: HeaderFacts, hints: readonly Binding[], width: number): HeaderLine[] {
	const first = compactHeader(facts, width).slice(0, -3);
	return [first, hintLine(hints, width)];
}
