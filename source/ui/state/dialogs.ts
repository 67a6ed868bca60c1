// Keys while a dialog is open: the scale field, the delete confirmation, the help overlay.
import {bindings} from './keymap.js';
import type {KeyPress} from './keys.js';
import type {Dialog, Transition, UiState} from './types.js';

const maxReplicasDigits = 6;

function close(state: UiState): UiState {
	const {dialog: _dialog, ...rest} = state;
	return rest;
}

export function scaleKey(state: UiState, dialog: Extract<Dialog, {kind: 'scale'}>, press: KeyPress): Transition {
	const key = press.name;
	if (key === 'esc') return {state: close(state), effects: [{type: 'flash', level: 'info', text: 'scale cancelled'}]};
	if (key === 'enter') {
		if (dialog.replicas === '') return {state, effects: [{type: 'flash', level: 'warn', text: 'Replicas: enter a number'}]};
		const command = `scale deployment/${dialog.name} --replicas=${Number(dialog.replicas)} -n ${dialog.namespace}`;
		return {state: close(state), effects: [{type: 'run', command}]};
	}
	if (key === 'backspace') return {state: {...state, dialog: {...dialog, replicas: dialog.replicas.slice(0, -1)}}, effects: []};
	if (/^[0-9]+$/.test(press.text)) {
		const replicas = String(Number(dialog.replicas + press.text)).slice(0, maxReplicasDigits);
		return {state: {...state, dialog: {...dialog, replicas}}, effects: []};
	}
	return {state, effects: []};
}

export function confirmKey(state: UiState, dialog: Extract<Dialog, {kind: 'confirm'}>, press: KeyPress): Transition {
	const key = press.name;
	switch (key) {
		case 'esc':
			return {state: close(state), effects: [{type: 'flash', level: 'info', text: 'delete cancelled'}]};
		case 'enter':
			return dialog.choice === 'ok'
				? {state: close(state), effects: [{type: 'run', command: dialog.command}]}
				: {state: close(state), effects: [{type: 'flash', level: 'info', text: 'delete cancelled'}]};
		case 'tab': case 'shift-tab': case 'left': case 'right': case 'h': case 'l':
			return {state: {...state, dialog: {...dialog, choice: dialog.choice === 'ok' ? 'cancel' : 'ok'}}, effects: []};
		default:
			return {state, effects: []};
	}
}

export function helpKey(state: UiState, dialog: Extract<Dialog, {kind: 'help'}>, press: KeyPress): Transition {
	const key = press.name;
	if (key === 'esc' || key === '?' || key === 'q' || key === 'enter') return {state: close(state), effects: []};
	if (key === 'j' || key === 'down') return {state: {...state, dialog: {...dialog, offset: Math.min(bindings.length, dialog.offset + 1)}}, effects: []};
	if (key === 'k' || key === 'up') return {state: {...state, dialog: {...dialog, offset: Math.max(0, dialog.offset - 1)}}, effects: []};
	return {state, effects: []};
}
