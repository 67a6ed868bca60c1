// Cursor movement and focus: pure functions of the UI state and what the screen shows.
import {clampCursor} from '../layout/window.js';
import type {Action} from './keymap.js';
import {currentRows, currentTable, withTable} from './stack.js';
import {paneOrder, type PaneId, type Rows, type TableState, type UiState, type ViewInfo} from './types.js';

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

export function moveTarget(cursor: number, page: number, last: number, action: MoveAction): number {
	return {down: cursor + 1, up: cursor - 1, top: 0, bottom: last, pageDown: cursor + page, pageUp: cursor - page}[action];
}

/** Move the cursor of the table under the keys (the focused pane or the top view's table). */
export function move(state: UiState, view: ViewInfo, action: MoveAction): UiState {
	const table = currentTable(state);
	const rows = currentRows(state, view);
	if (!table || !rows) return state;
	const cursor = clampCursor(moveTarget(table.cursor, Math.max(1, rows.page), rows.rows.length - 1, action), rows.rows.length);
	return withTable(state, {cursor, selection: rows.rows[cursor]?.key});
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

/** A view table's cursor after its rows changed: it follows its row's key, as the panes' cursors do. */
export function followTable<T extends Pick<TableState, 'cursor' | 'selection'>>(table: T, rows: Rows): T {
	const found = table.selection === undefined ? undefined : rows.index.get(table.selection);
	const cursor = clampCursor(found ?? table.cursor, rows.rows.length);
	const selection = rows.rows[cursor]?.key;
	return cursor === table.cursor && selection === table.selection ? table : {...table, cursor, selection};
}
