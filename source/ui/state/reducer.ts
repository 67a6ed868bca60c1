// Every key press of the dashboard, as a pure transition: (state, key, view) -> (state, effects).
// The open prompt or dialog takes keys first; then the top view (text views scroll); then the keymap, scoped by the
// resource of the rows shown.
import {confirmKey, helpKey, openHelp, quitKey, scaleKey} from './dialogs.js';
import {objectAction} from './actions.js';
import {drainKey} from './drain-dialog.js';
import {displayKey, findBinding, type Action} from './keymap.js';
import type {KeyPress} from './keys.js';
import {allNamespaces, favourite} from './namespaces.js';
import {cycleFocus, move} from './navigation.js';
import {openPrompt, promptKey} from './prompt.js';
import {sortKey} from './sorting.js';
import {currentResource, currentTable, popView, withTable} from './stack.js';
import {textKey} from './text-view.js';
import {inspectKey, isInspectView, openTrace, whySelected} from './inspect-views.js';
import {speeds, speedLabel, topView, type Transition, type UiState, type ViewInfo} from './types.js';

const stay = (state: UiState): Transition => ({state, effects: []});
const warn = (state: UiState, text: string): Transition => ({state, effects: [{type: 'flash', level: 'warn', text}]});

export function handleKey(state: UiState, key: KeyPress, view: ViewInfo): Transition {
	if (key.name === 'ctrl-c') return {state, effects: [{type: 'quit'}]};
	if (state.prompt) return promptKey(state, state.prompt, key, view);
	const dialog = state.dialog;
	if (dialog?.kind === 'scale') return scaleKey(state, dialog, key);
	if (dialog?.kind === 'confirm') return confirmKey(state, dialog, key);
	if (dialog?.kind === 'quit') return quitKey(state, dialog, key);
	if (dialog?.kind === 'drain') return drainKey(state, dialog, key);
	if (dialog?.kind === 'help') return helpKey(state, dialog, key);

	const resource = currentResource(state);
	const {binding, elsewhere} = findBinding(key.name, resource);
	const top = topView(state);
	if (top?.kind === 'text') {
		const handled = textKey(state, top, view, key.name, binding?.action ?? elsewhere?.action);
		if (handled) return handled;
	}
	if (isInspectView(top)) {
		const handled = inspectKey(state, top, view, key.name, binding?.action);
		if (handled) return handled;
	}
	if (binding) {
		if (state.readonly && binding.mutates) return {state, effects: [{type: 'flash', level: 'error', text: `read-only mode: ${displayKey(key.name)} (${binding.label.toLowerCase()}) is refused`}]};
		return perform(state, binding.action, view, key);
	}
	if (elsewhere?.resources) {
		return warn(state, `${displayKey(key.name)}: ${elsewhere.label.toLowerCase()} works on ${elsewhere.resources.join(' and ')}, not ${resource ?? 'this view'}`);
	}
	if (key.name === '' || key.name === 'left' || key.name === 'right') return stay(state);
	return warn(state, `${displayKey(key.name)}: no such key here (? lists the keys)`);
}

export function perform(state: UiState, action: Action, view: ViewInfo, key: KeyPress = {name: '', text: ''}): Transition {
	switch (action) {
		case 'step': return {state, effects: [{type: 'step'}]};
		case 'togglePlay': return stay({...state, playing: !state.playing});
		case 'faster':
		case 'slower': {
			const speed = Math.max(0, Math.min(speeds.length - 1, state.speed + (action === 'faster' ? 1 : -1)));
			return {state: {...state, speed}, effects: [{type: 'flash', level: 'info', text: `speed ${speedLabel(speeds[speed]!)}`}]};
		}
		case 'nextPane':
		case 'prevPane':
			if (state.stack.length > 0) return warn(state, 'tab moves between the home screen\'s panes (esc goes back to it)');
			return stay(cycleFocus(state, action === 'nextPane' ? 1 : -1));
		case 'down': case 'up': case 'top': case 'bottom': case 'pageDown': case 'pageUp':
			return stay(move(state, view, action));
		case 'wide': return stay({...state, wide: !state.wide});
		case 'prompt': return stay(openPrompt(state, 'command'));
		case 'filter': {
			const top = topView(state);
			if (top?.kind === 'text') return stay(openPrompt(state, 'filter', top.search ?? ''));
			const table = currentTable(state);
			if (!table) return warn(state, 'nothing to filter here');
			return stay(openPrompt(state, 'filter', table.filter ?? ''));
		}
		case 'help': return stay(openHelp(state));
		case 'back': {
			const table = currentTable(state);
			if (table?.filter) return stay(withTable(state, {filter: undefined}));
			return stay(state.stack.length > 0 ? popView(state) : state);
		}
		case 'quit':
			if (state.stack.length > 0) return stay(popView(state));
			return stay({...state, dialog: {kind: 'quit', choice: 'cancel'}});
		case 'quitNow': return {state, effects: [{type: 'quit'}]};
		case 'sortName': case 'sortAge': case 'sortStatus': case 'sortColumn': case 'sortColumnLeft': case 'sortColumnRight':
			return sortKey(state, view, action);
		case 'allNamespaces': return allNamespaces(state);
		case 'favourite': return favourite(state, key.name);
		case 'trace': return stay(openTrace(state));
		case 'why': return whySelected(state, view);
		case 'earlierTick': case 'laterTick': return stay(state); // only in the trace view (inspect-views.ts)
		case 'enter': case 'describe': case 'yaml': case 'logs': case 'logsPrevious': case 'xray':
		case 'scale': case 'restart': case 'drain': case 'delete': case 'kill': case 'cordon': case 'uncordon':
			return objectAction(state, action, view);
	}
}
