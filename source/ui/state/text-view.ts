// Keys in a text view (describe, YAML, logs, aliases): j/k/g/G/page scroll, `/` searches, n/N jump between matches
// while a search is on (otherwise n steps the clock, as everywhere), Esc clears the search, then goes back.
import type {Action} from './keymap.js';
import {popView, replaceTop} from './stack.js';
import type {Transition, UiState, View, ViewInfo} from './types.js';

type TextView = Extract<View, {kind: 'text'}>;

export function maxOffset(lines: number, page: number): number {
	return Math.max(0, lines - Math.max(1, page));
}

/** Line indexes that match the search (case-insensitive substring). */
export function matchLines(lines: readonly string[], search: string | undefined): number[] {
	if (!search) return [];
	const needle = search.toLowerCase();
	const out: number[] = [];
	lines.forEach((line, i) => {
		if (line.toLowerCase().includes(needle)) out.push(i);
	});
	return out;
}

/** After a search is set: the first match at or after the top line. */
export function jumpToMatch(view: TextView, lines: readonly string[], page: number, direction: 1 | -1 = 1, from = view.offset): TextView {
	const matches = matchLines(lines, view.search);
	if (matches.length === 0) return view;
	const target = direction === 1
		? matches.find(i => i >= from) ?? matches[0]!
		: [...matches].reverse().find(i => i <= from) ?? matches[matches.length - 1]!;
	return {...view, offset: Math.min(target, maxOffset(lines.length, page)), follow: false};
}

export function textKey(state: UiState, view: TextView, info: ViewInfo, key: string, action: Action | undefined): Transition | undefined {
	const lines = info.text?.lines ?? [];
	const page = Math.max(1, info.text?.page ?? 1);
	const last = maxOffset(lines.length, page);
	const offset = Math.min(view.offset, last);
	const scroll = (to: number, follow = false): Transition => ({state: replaceTop(state, {...view, offset: Math.max(0, Math.min(last, to)), follow}), effects: []});
	if (key === 'esc' || action === 'quit') {
		if (view.search) {
			const {search: _s, ...rest} = view;
			return {state: replaceTop(state, rest), effects: []};
		}
		return {state: popView(state), effects: []};
	}
	if (view.search && (key === 'n' || key === 'N')) {
		const matches = matchLines(lines, view.search);
		if (matches.length === 0) return {state, effects: [{type: 'flash', level: 'warn', text: `"${view.search}" not found`}]};
		const next = key === 'n' ? jumpToMatch(view, lines, page, 1, offset + 1) : jumpToMatch(view, lines, page, -1, offset - 1);
		return {state: replaceTop(state, next), effects: []};
	}
	switch (action) {
		case 'down': return scroll(offset + 1);
		case 'up': return scroll(offset - 1);
		case 'top': return scroll(0);
		case 'bottom': return scroll(last, view.mode === 'logs');
		case 'pageDown': return scroll(offset + page);
		case 'pageUp': return scroll(offset - page);
		default: return undefined;
	}
}
