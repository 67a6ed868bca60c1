// Keys while a dialog is open: the scale field, the confirmations (delete, restart, cordon, quit), the help overlay.
import {bindingsFor} from './keymap.js';
import type {KeyPress} from './keys.js';
import {currentResource} from './stack.js';
import {maxReplicas, type Dialog, type Transition, type UiState} from './types.js';

/** Digits a replicas value may have: enough for the largest int32, so a longer one is refused, not cut. */
const maxReplicasDigits = 10;

function close(state: UiState): UiState {
	const {dialog: _dialog, ...rest} = state;
	return rest;
}

const flash = (state: UiState, level: 'info' | 'warn' | 'error', text: string): Transition => ({state, effects: [{type: 'flash', level, text}]});

export function scaleKey(state: UiState, dialog: Extract<Dialog, {kind: 'scale'}>, press: KeyPress): Transition {
	const key = press.name;
	const edit = (replicas: string): Transition => ({state: {...state, dialog: {...dialog, replicas, fresh: false}}, effects: []});
	if (key === 'esc') return flash(close(state), 'info', 'scale cancelled');
	if (key === 'enter') {
		if (dialog.replicas === '') return flash(state, 'warn', 'Replicas: enter a number');
		const replicas = Number(dialog.replicas);
		if (replicas > maxReplicas) return flash(state, 'error', `Replicas: ${dialog.replicas} is more than the API allows (at most ${maxReplicas})`);
		const singular = dialog.resource === 'replicasets' ? 'replicaset' : 'deployment';
		return {state: close(state), effects: [{type: 'run', command: `scale ${singular}/${dialog.name} --replicas=${replicas} -n ${dialog.namespace}`}]};
	}
	if (key === 'backspace') return edit(dialog.fresh ? '' : dialog.replicas.slice(0, -1));
	if (key === 'ctrl-u') return edit('');
	if (/^[0-9]$/.test(press.text)) {
		// The prefilled value is selected: the first digit replaces it, as in k9s's field.
		const text = dialog.fresh ? press.text : dialog.replicas + press.text;
		const replicas = text.replace(/^0+(?=\d)/, '');
		if (replicas.length > maxReplicasDigits) return flash(state, 'error', `Replicas: at most ${maxReplicas}`);
		return edit(replicas);
	}
	if (press.text === '-') return flash(state, 'warn', 'Replicas: cannot be negative (digits only)');
	if (press.text !== '') return flash(state, 'warn', `Replicas: digits only ("${press.text}" ignored)`);
	return {state, effects: []};
}

export function confirmKey(state: UiState, dialog: Extract<Dialog, {kind: 'confirm'}>, press: KeyPress): Transition {
	switch (press.name) {
		case 'esc':
			return flash(close(state), 'info', `${dialog.verb} cancelled`);
		case 'enter':
			return dialog.choice === 'ok'
				? {state: close(state), effects: [{type: 'run', command: dialog.command}]}
				: flash(close(state), 'info', `${dialog.verb} cancelled`);
		case 'tab': case 'shift-tab': case 'left': case 'right': case 'h': case 'l':
			return {state: {...state, dialog: {...dialog, choice: dialog.choice === 'ok' ? 'cancel' : 'ok'}}, effects: []};
		default:
			return {state, effects: []};
	}
}

export function quitKey(state: UiState, dialog: Extract<Dialog, {kind: 'quit'}>, press: KeyPress): Transition {
	switch (press.name) {
		case 'esc': case 'q': case 'n':
			return {state: close(state), effects: []};
		case 'y':
			return {state: close(state), effects: [{type: 'quit'}]};
		case 'enter':
			return dialog.choice === 'ok' ? {state: close(state), effects: [{type: 'quit'}]} : {state: close(state), effects: []};
		case 'tab': case 'shift-tab': case 'left': case 'right': case 'h': case 'l':
			return {state: {...state, dialog: {...dialog, choice: dialog.choice === 'ok' ? 'cancel' : 'ok'}}, effects: []};
		default:
			return {state, effects: []};
	}
}

/** `?` (or `:help`): the keys of the view it is opened in, as k9s's help lists them. */
export function openHelp(state: UiState): UiState {
	const resource = currentResource(state);
	return {...state, dialog: {kind: 'help', offset: 0, ...(resource ? {resource} : {})}};
}

export function helpKey(state: UiState, dialog: Extract<Dialog, {kind: 'help'}>, press: KeyPress): Transition {
	const key = press.name;
	if (key === 'esc' || key === '?' || key === 'q' || key === 'enter') return {state: close(state), effects: []};
	if (key === 'j' || key === 'down') return {state: {...state, dialog: {...dialog, offset: Math.min(bindingsFor(dialog.resource, state.readonly).length, dialog.offset + 1)}}, effects: []};
	if (key === 'k' || key === 'up') return {state: {...state, dialog: {...dialog, offset: Math.max(0, dialog.offset - 1)}}, effects: []};
	return {state, effects: []};
}
