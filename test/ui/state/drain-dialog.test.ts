import test from 'ava';
import {drainCommand, drainDialog, drainKey} from '../../../source/ui/state/drain-dialog.js';
import {press} from '../../../source/ui/state/keys.js';
import {initialState, type UiState} from '../../../source/ui/state/types.js';

const open = (): UiState => ({...initialState(), dialog: drainDialog('worker-1')});
function keys(state: UiState, names: string[]) {
	let effects: unknown[] = [];
	for (const name of names) {
		const dialog = state.dialog;
		if (dialog?.kind !== 'drain') break;
		const t = drainKey(state, dialog, press(name));
		state = t.state;
		effects = [...effects, ...t.effects];
	}
	return {state, effects};
}

test('the drain dialog starts as k9s does (pods\' own grace period, no timeout, DaemonSets ignored); Enter drains', t => {
	t.is(drainCommand(drainDialog('worker-1')), 'drain worker-1 --ignore-daemonsets');
	t.deepEqual(keys(open(), ['enter']).effects, [{type: 'run', command: 'drain worker-1 --ignore-daemonsets'}]);
});

test('fields: typing replaces a number, tab moves on, space toggles the boxes; the command has kubectl\'s flags', t => {
	const {effects} = keys(open(), ['3', '0', 'tab', '5', 'm', 'tab', 'space', 'tab', 'space', 'tab', 'space', 'enter']);
	t.deepEqual(effects, [{type: 'run', command: 'drain worker-1 --grace-period=30 --timeout=5m --delete-emptydir-data --force'}]);
});

test('letters are refused in the grace period with a message; esc cancels and runs nothing', t => {
	const refused = keys(open(), ['a']);
	t.regex(JSON.stringify(refused.effects), /Grace period: seconds, or -1/);
	t.is((refused.state.dialog as {gracePeriod: string}).gracePeriod, '-1');
	const cancelled = keys(open(), ['tab', 'space', 'esc']);
	t.is(cancelled.state.dialog, undefined);
	t.false(JSON.stringify(cancelled.effects).includes('"run"'));
});
