// Every key press of the dashboard, as a pure transition: (state, key, view) -> (state, effects).
// The open prompt or dialog takes keys first; then the keymap, scoped by the focused pane.
import {confirmKey, helpKey, scaleKey} from './dialogs.js';
import {findBinding, type Action} from './keymap.js';
import type {KeyPress} from './keys.js';
import {cycleFocus, move} from './navigation.js';
import {promptKey} from './prompt.js';
import {viewKey} from './view.js';
import {speeds, speedLabel, type Transition, type UiState, type ViewInfo} from './types.js';

const stay = (state: UiState): Transition => ({state, effects: []});

export function handleKey(state: UiState, key: KeyPress, view: ViewInfo): Transition {
	if (key.name === 'ctrl-c') return {state, effects: [{type: 'quit'}]};
	if (state.prompt) return promptKey(state, state.prompt, key);
	const dialog = state.dialog;
	if (dialog?.kind === 'scale') return scaleKey(state, dialog, key);
	if (dialog?.kind === 'confirm') return confirmKey(state, dialog, key);
	if (dialog?.kind === 'help') return helpKey(state, dialog, key);

	const {binding, elsewhere} = findBinding(key.name, state.focus);
	if (state.view) {
		const action = binding?.action ?? elsewhere?.action;
		const handled = viewKey(state, state.view, view, key.name, action);
		if (handled) return handled;
	}
	if (binding) return perform(state, binding.action, view);
	if (elsewhere?.panes) {
		const where = elsewhere.panes.join(' or ');
		return {state, effects: [{type: 'flash', level: 'warn', text: `${key.name}: ${elsewhere.label.toLowerCase()} works in the ${where} pane (Tab to move there)`}]};
	}
	return stay(state);
}

function selected(state: UiState, view: ViewInfo) {
	return view.tables[state.focus].rows[state.cursors[state.focus]]?.object;
}

function nothingSelected(state: UiState): Transition {
	return {state, effects: [{type: 'flash', level: 'warn', text: `no ${state.focus} to act on`}]};
}

export function perform(state: UiState, action: Action, view: ViewInfo): Transition {
	switch (action) {
		case 'step': return {state, effects: [{type: 'step'}]};
		case 'togglePlay': return stay({...state, playing: !state.playing});
		case 'faster':
		case 'slower': {
			const speed = Math.max(0, Math.min(speeds.length - 1, state.speed + (action === 'faster' ? 1 : -1)));
			return {state: {...state, speed}, effects: [{type: 'flash', level: 'info', text: `speed ${speedLabel(speeds[speed]!)}`}]};
		}
		case 'nextPane': return stay(cycleFocus(state, 1));
		case 'prevPane': return stay(cycleFocus(state, -1));
		case 'down': case 'up': case 'top': case 'bottom': case 'pageDown': case 'pageUp':
			return stay(move(state, view, action));
		case 'wide': return stay({...state, wide: !state.wide});
		case 'prompt': return stay({...state, prompt: {text: '', draft: ''}});
		case 'help': return stay({...state, dialog: {kind: 'help', offset: 0}});
		case 'quit': return {state, effects: [{type: 'quit'}]};
		case 'scale': {
			const object = selected(state, view);
			if (!object?.metadata?.name) return nothingSelected(state);
			const spec = object.spec as {replicas?: number} | undefined;
			const dialog = {kind: 'scale', name: object.metadata.name, namespace: object.metadata.namespace ?? 'default', replicas: String(spec?.replicas ?? 1)} as const;
			return stay({...state, dialog});
		}
		case 'delete': {
			const object = selected(state, view);
			if (!object?.metadata?.name) return nothingSelected(state);
			const kind = state.focus === 'pods' ? 'pod' : 'deployment';
			const {name, namespace = 'default'} = object.metadata;
			const question = `Delete ${kind} ${namespace}/${name}?`;
			return stay({...state, dialog: {kind: 'confirm', question, command: `delete ${kind}/${name} -n ${namespace}`, choice: 'cancel'}});
		}
		case 'cordon':
		case 'uncordon': {
			const name = selected(state, view)?.metadata?.name;
			if (!name) return nothingSelected(state);
			return {state, effects: [{type: 'run', command: `${action} ${name}`}]};
		}
	}
}
