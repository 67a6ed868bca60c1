import test from 'ava';
import {press, type KeyPress} from '../../../source/ui/state/keys.js';
import {handleKey} from '../../../source/ui/state/reducer.js';
import {initialState, type UiState, type ViewInfo} from '../../../source/ui/state/types.js';

const view: ViewInfo = {
	tables: {deployments: {rows: []}, nodes: {rows: []}, pods: {rows: []}, events: {rows: []}},
	page: {deployments: 1, nodes: 1, pods: 1, events: 1},
};

function run(state: UiState, presses: KeyPress[]) {
	const effects = [];
	for (const key of presses) {
		const next = handleKey(state, key, view);
		state = next.state;
		effects.push(...next.effects);
	}
	return {state, effects};
}
const typed = (text: string): KeyPress => ({name: text, text});

test(': opens the prompt; typed text (also pasted at once) and enter run the command', t => {
	const {state, effects} = run(initialState(), [press(':'), typed('scale deployment/web'), press('space'), ...'--replicas=5'.split('').map(press), press('enter')]);
	t.is(state.prompt, undefined);
	t.deepEqual(effects, [{type: 'run', command: 'scale deployment/web --replicas=5'}]);
	t.deepEqual(state.history, ['scale deployment/web --replicas=5']);
});

test('while the prompt is open, keys type rather than act', t => {
	const {state, effects} = run(initialState(), [press(':'), press('n'), press('q'), press('j')]);
	t.is(state.prompt?.text, 'nqj');
	t.deepEqual(effects, []);
});

test('q and quit quit; a pane name focuses that pane; kubectl prefix is optional', t => {
	t.deepEqual(run(initialState(), [press(':'), press('q'), press('enter')]).effects, [{type: 'quit'}]);
	t.deepEqual(run(initialState(), [press(':'), typed('quit'), press('enter')]).effects, [{type: 'quit'}]);
	t.is(run(initialState(), [press(':'), typed('no'), press('enter')]).state.focus, 'nodes');
	t.is(run(initialState(), [press(':'), typed('deploy'), press('enter')]).state.focus, 'deployments');
	t.deepEqual(run(initialState(), [press(':'), typed('kubectl cordon worker-1'), press('enter')]).effects, [{type: 'run', command: 'cordon worker-1'}]);
});

test('esc closes the prompt without running; backspace edits', t => {
	const {state, effects} = run(initialState(), [press(':'), typed('cordonx'), press('backspace'), press('esc')]);
	t.is(state.prompt, undefined);
	t.deepEqual(effects, []);
	t.is(run(initialState(), [press(':'), typed('ab'), press('backspace')]).state.prompt?.text, 'a');
});

test('up and down walk the history, and down past the newest returns to the line being typed', t => {
	let state = run(initialState(), [press(':'), typed('cordon a'), press('enter'), press(':'), typed('cordon b'), press('enter')]).state;
	state = run(state, [press(':'), typed('draft')]).state;
	t.is(run(state, [press('up')]).state.prompt?.text, 'cordon b');
	t.is(run(state, [press('up'), press('up')]).state.prompt?.text, 'cordon a');
	t.is(run(state, [press('up'), press('up'), press('up')]).state.prompt?.text, 'cordon a');
	t.is(run(state, [press('up'), press('up'), press('down'), press('down')]).state.prompt?.text, 'draft');
	t.deepEqual(run(state, [press('up'), press('enter')]).effects, [{type: 'run', command: 'cordon b'}]);
});
