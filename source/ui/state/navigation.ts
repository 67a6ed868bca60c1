// Cursor movement and focus: pure functions of the UI state and what each pane shows.
import {clampCursor} from '../layout/window.js';
import type {Action} from './keymap.js';
import {paneOrder, type PaneId, type UiState, type ViewInfo} from './types.js';

export type MoveAction = Extract<Action, 'down' | 'up' | 'top' | 'bottom' | 'pageDown' | 'pageUp'>;

/** Put the cursor of `pane` on row `index` (clamped) and remember that row's key. */
export function setCursor(state: UiState, view: ViewInfo, pane: PaneId, index: number): UiState {
	const rows = view.tables[pane].rows;
	const cursor = clampCursor(index, rows.length);
	return {
		...state,
		cursors: {...state.cursors, [pane]: cursor},
		selection: {...state.selection, [pane]: rows[cursor]?.key},
	};
}

export function move(state: UiState, view: ViewInfo, action: MoveAction): UiState {
	const pane = state.focus;
	const cursor = state.cursors[pane];
	const page = Math.max(1, view.page[pane]);
	const last = view.tables[pane].rows.length - 1;
	const target = {
		down: cursor + 1,
		up: cursor - 1,
		top: 0,
		bottom: last,
		pageDown: cursor + page,
		pageUp: cursor - page,
	}[action];
	return setCursor(state, view, pane, target);
}

export function cycleFocus(state: UiState, step: 1 | -1): UiState {
	const index = paneOrder.indexOf(state.focus);
	const next = paneOrder[(index + step + paneOrder.length) % paneOrder.length]!;
	return {...state, focus: next};
}

/** Panes listed newest first: a cursor on the top row stays there, on the newest row, as new rows arrive. */
const newestFirst: ReadonlySet<PaneId> = new Set(['events']);

/**
 * After the cluster changed: each cursor follows its row's key to the row's new index; when that row is gone the
 * cursor stays at its index (clamped), as k9s keeps the selection.
 */
export function followSelection(state: UiState, view: ViewInfo, index: Record<PaneId, ReadonlyMap<string, number>>): UiState {
	let next = state;
	for (const pane of paneOrder) {
		const key = state.selection[pane];
		const sticky = newestFirst.has(pane) && state.cursors[pane] === 0;
		const found = key === undefined || sticky ? undefined : index[pane].get(key);
		const target = found ?? state.cursors[pane];
		const rows = view.tables[pane].rows;
		const clamped = clampCursor(target, rows.length);
		if (clamped !== state.cursors[pane] || rows[clamped]?.key !== key) next = setCursor(next, view, pane, clamped);
	}
	return next;
}
