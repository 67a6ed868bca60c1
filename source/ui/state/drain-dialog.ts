// `r` on a node (k9s): the drain dialog. Fields as kubectl drain's flags: grace period, timeout, ignore DaemonSets,
// delete emptyDir data, force. Tab/↑/↓ move between fields, space toggles a box, digits edit a number, Enter drains.
import type {KeyPress} from './keys.js';
import type {Dialog, Transition, UiState} from './types.js';

export type DrainDialog = Extract<Dialog, {kind: 'drain'}>;

export const drainFields = ['gracePeriod', 'timeout', 'ignoreDaemonSets', 'deleteEmptyDirData', 'force'] as const;
export type DrainField = typeof drainFields[number];

export function drainDialog(node: string): DrainDialog {
	// k9s's defaults: the pods' own grace period (-1), no timeout, DaemonSets ignored.
	return {kind: 'drain', node, field: 0, gracePeriod: '-1', timeout: '0s', ignoreDaemonSets: true, deleteEmptyDirData: false, force: false, fresh: true};
}

/** The kubectl command the dialog's values make. */
export function drainCommand(d: DrainDialog): string {
	const flags = [
		d.gracePeriod !== '' && d.gracePeriod !== '-1' ? `--grace-period=${d.gracePeriod}` : '',
		d.timeout !== '' && d.timeout !== '0s' && d.timeout !== '0' ? `--timeout=${d.timeout}` : '',
		d.ignoreDaemonSets ? '--ignore-daemonsets' : '',
		d.deleteEmptyDirData ? '--delete-emptydir-data' : '',
		d.force ? '--force' : '',
	].filter(Boolean);
	return ['drain', d.node, ...flags].join(' ');
}

function close(state: UiState): UiState {
	const {dialog: _dialog, ...rest} = state;
	return rest;
}

export function drainKey(state: UiState, dialog: DrainDialog, press: KeyPress): Transition {
	const set = (patch: Partial<DrainDialog>): Transition => ({state: {...state, dialog: {...dialog, ...patch}}, effects: []});
	const field = drainFields[dialog.field]!;
	switch (press.name) {
		case 'esc': return {state: close(state), effects: [{type: 'flash', level: 'info', text: 'drain cancelled'}]};
		case 'enter': return {state: close(state), effects: [{type: 'run', command: drainCommand(dialog)}]};
		case 'tab': case 'down': return set({field: (dialog.field + 1) % drainFields.length, fresh: true});
		case 'shift-tab': case 'up': return set({field: (dialog.field + drainFields.length - 1) % drainFields.length, fresh: true});
	}
	if (field === 'gracePeriod' || field === 'timeout') {
		const value = dialog[field];
		if (press.name === 'backspace') return set({[field]: dialog.fresh ? '' : value.slice(0, -1), fresh: false});
		// Grace period: digits, or -1; timeout: a duration (90s, 5m, 1h30m).
		const allowed = field === 'gracePeriod' ? /^[0-9-]$/ : /^[0-9hms]$/;
		if (allowed.test(press.text)) return set({[field]: (dialog.fresh ? '' : value) + press.text, fresh: false});
		if (press.text) return {state, effects: [{type: 'flash', level: 'warn', text: field === 'gracePeriod' ? 'Grace period: seconds, or -1 for each pod\'s own' : 'Timeout: a duration like 90s or 5m (0s waits forever)'}]};
		return {state, effects: []};
	}
	if (press.name === 'space' || press.text === 'x') return set({[field]: !dialog[field]});
	return {state, effects: []};
}
