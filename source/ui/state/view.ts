// Keys in a resource view (`:cm`, `:rs`, ...): the cursor moves over its rows, Esc goes back to the home screen;
// clock, prompt, help and wide work as everywhere. Actions on the home panes' objects do not apply here.
import {clampCursor} from '../layout/window.js';
import type {Action} from './keymap.js';
import type {ResourceView, Transition, UiState, ViewInfo} from './types.js';

const everywhere: ReadonlySet<Action> = new Set(['step', 'togglePlay', 'faster', 'slower', 'prompt', 'help', 'wide']);

export function closeView(state: UiState): UiState {
	const {view: _view, ...rest} = state;
	return rest;
}

function moveView(state: UiState, view: ResourceView, info: ViewInfo, action: Action): UiState {
	const rows = info.view?.rows ?? [];
	const page = Math.max(1, info.view?.page ?? 1);
	const target = {down: view.cursor + 1, up: view.cursor - 1, top: 0, bottom: rows.length - 1, pageDown: view.cursor + page, pageUp: view.cursor - page}[action as string];
	if (target === undefined) return state;
	const cursor = clampCursor(target, rows.length);
	return {...state, view: {...view, cursor, selection: rows[cursor]?.key}};
}

/** A key in the view: undefined when the key is one that works everywhere (the caller performs it). */
export function viewKey(state: UiState, stored: ResourceView, info: ViewInfo, key: string, action: Action | undefined): Transition | undefined {
	// Start from where the cursor is shown: on its row, wherever the row moved since.
	const view = info.view ? followView(stored, info.view.rows, info.view.index) : stored;
	// k9s: Esc and q go back to where the view was opened from.
	if (key === 'esc' || action === 'quit') return {state: closeView(state), effects: []};
	if (!action) return {state, effects: []};
	if (['down', 'up', 'top', 'bottom', 'pageDown', 'pageUp'].includes(action)) return {state: moveView(state, view, info, action), effects: []};
	if (everywhere.has(action)) return undefined;
	return {state, effects: [{type: 'flash', level: 'warn', text: `${key}: not available in the ${view.resource} view (esc goes back)`}]};
}

/** After the cluster changed: the view's cursor follows its row's key, as the panes' cursors do. */
export function followView(view: ResourceView, rows: ReadonlyArray<{key: string}>, index: ReadonlyMap<string, number>): ResourceView {
	const found = view.selection === undefined ? undefined : index.get(view.selection);
	const cursor = clampCursor(found ?? view.cursor, rows.length);
	const selection = rows[cursor]?.key;
	return cursor === view.cursor && selection === view.selection ? view : {...view, cursor, selection};
}
