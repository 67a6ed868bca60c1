// The view stack (k9s: every `:kind`, drill-down, describe or YAML opens a view over the last; Esc goes back) and
// the table the keys act on: the focused home pane, or the top view's table.
import type {KubeObject} from '../../cluster/index.js';
import {clampCursor} from '../layout/window.js';
import {topView, type PaneId, type Rows, type TableState, type UiState, type View, type ViewInfo} from './types.js';

const stackLimit = 20;

export function pushView(state: UiState, view: View): UiState {
	return {...state, stack: [...state.stack, view].slice(-stackLimit)};
}

export function popView(state: UiState): UiState {
	return {...state, stack: state.stack.slice(0, -1)};
}

export function replaceTop(state: UiState, view: View): UiState {
	return {...state, stack: [...state.stack.slice(0, -1), view]};
}

/** Back to the home screen (`:pods` and the other home kinds focus their pane there). */
export function home(state: UiState): UiState {
	return state.stack.length === 0 ? state : {...state, stack: []};
}

/** The breadcrumbs in the bottom line: ` <pods> <worker-1> <describe> `. */
export function crumbs(state: UiState): string[] {
	const out: string[] = [state.focus];
	for (const view of state.stack) {
		switch (view.kind) {
			case 'resource': out.push(view.scope ? `${view.resource}:${view.scope.label}` : view.resource); break;
			case 'text': out.push(view.target ? `${view.mode}:${view.target.name}` : view.mode); break;
			case 'containers': out.push(`containers:${view.target.name}`); break;
			case 'xray': out.push(`xray:${view.resource}`); break;
			case 'trace': out.push(view.tick === undefined ? 'trace' : `trace:${view.tick}`); break;
			case 'why': out.push(`why:${view.target.name}`); break;
			case 'control-plane': out.push('control-plane'); break;
		}
	}
	return out;
}

/** The resource the keys act on: the focused pane's, or the top view's (`containers` for a pod's containers). */
export function currentResource(state: UiState): string | undefined {
	const view = topView(state);
	if (!view) return state.focus;
	if (view.kind === 'resource') return view.resource;
	if (view.kind === 'containers') return 'containers';
	if (view.kind === 'xray') return 'xray';
	// kubetui's own views: their keys (keymap) are scoped by these names.
	if (view.kind === 'trace' || view.kind === 'why' || view.kind === 'control-plane') return view.kind;
	return undefined;
}

/** The state of the table under the keys, if the top of the stack is a table. */
export function currentTable(state: UiState): TableState | undefined {
	const view = topView(state);
	if (!view) return {cursor: state.cursors[state.focus], selection: state.selection[state.focus], ...state.panes[state.focus]};
	if ('table' in view) return view.table;
	if (view.kind === 'xray') return {cursor: view.cursor, selection: view.selection};
	return undefined;
}

export function withTable(state: UiState, patch: Partial<TableState>): UiState {
	const view = topView(state);
	if (!view) {
		const pane: PaneId = state.focus;
		const next = {...state};
		if ('cursor' in patch) next.cursors = {...state.cursors, [pane]: patch.cursor!};
		if ('selection' in patch) next.selection = {...state.selection, [pane]: patch.selection};
		const {cursor: _c, selection: _s, ...rest} = patch;
		if (Object.keys(rest).length) next.panes = {...state.panes, [pane]: {...state.panes[pane], ...rest}};
		return next;
	}
	if ('table' in view) return replaceTop(state, {...view, table: {...view.table, ...patch}});
	if (view.kind === 'xray') {
		return replaceTop(state, {...view, ...('cursor' in patch ? {cursor: patch.cursor!} : {}), ...('selection' in patch ? {selection: patch.selection} : {})});
	}
	return state;
}

/** The rows under the keys: the focused pane's or the top view's. */
export function currentRows(state: UiState, info: ViewInfo): Rows | undefined {
	if (state.stack.length === 0) {
		// The focused pane's rows: never info.view, which may still be another pane's when keys arrive in one chunk.
		return {rows: info.tables[state.focus].rows, page: info.page[state.focus], index: new Map(), columns: info.paneColumns?.[state.focus] ?? []};
	}
	return info.view;
}

/** The object under the cursor, if any. */
export function selectedObject(state: UiState, info: ViewInfo): KubeObject | undefined {
	const table = currentTable(state);
	const rows = currentRows(state, info);
	if (!table || !rows) return undefined;
	return rows.rows[clampCursor(table.cursor, rows.rows.length)]?.object;
}

export function selectedKey(state: UiState, info: ViewInfo): string | undefined {
	const table = currentTable(state);
	const rows = currentRows(state, info);
	if (!table || !rows) return undefined;
	return rows.rows[clampCursor(table.cursor, rows.rows.length)]?.key;
}
