// k9s sorts (shift-N name, shift-A age, shift-S status, shift-O the marked column): pressing the same sort again
// flips its direction.
import type {Action} from './keymap.js';
import {currentRows, currentTable, withTable} from './stack.js';
import type {Sort, Transition, UiState, ViewInfo} from './types.js';

const fixed: Partial<Record<Action, string>> = {sortName: 'NAME', sortAge: 'AGE', sortStatus: 'STATUS'};

export function toggled(sort: Sort | undefined, column: string): Sort {
	return sort?.column === column ? {column, descending: !sort.descending} : {column, descending: column === 'AGE'};
}

export function sortKey(state: UiState, info: ViewInfo, action: Action): Transition {
	const table = currentTable(state);
	const columns = currentRows(state, info)?.columns ?? [];
	if (!table) return {state, effects: [{type: 'flash', level: 'warn', text: 'nothing to sort here'}]};
	if (action === 'sortColumnLeft' || action === 'sortColumnRight') {
		if (columns.length === 0) return {state, effects: []};
		const at = table.sortColumn ?? 0;
		const sortColumn = (at + (action === 'sortColumnLeft' ? -1 : 1) + columns.length) % columns.length;
		return {state: withTable(state, {sortColumn}), effects: [{type: 'flash', level: 'info', text: `shift-o sorts by ${columns[sortColumn]}`}]};
	}
	const column = fixed[action] ?? columns[table.sortColumn ?? 0];
	if (!column) return {state, effects: []};
	// A table without the column (events have no NAME or STATUS) says so rather than doing nothing.
	if (columns.length > 0 && !columns.includes(column) && !(column === 'AGE' && columns.includes('LAST SEEN'))) {
		return {state, effects: [{type: 'flash', level: 'warn', text: `no ${column} column to sort by here`}]};
	}
	const sort = toggled(table.sort, column);
	return {state: withTable(state, {sort}), effects: []};
}
