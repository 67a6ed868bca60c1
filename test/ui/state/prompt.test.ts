import test from 'ava';
import {press, type KeyPress} from '../../../source/ui/state/keys.js';
import {handleKey} from '../../../source/ui/state/reducer.js';
import {initialState, type UiState, type ViewInfo} from '../../../source/ui/state/types.js';

const view: ViewInfo = {
	tables: {deployments: {rows: []}, nodes: {rows: []}, pods: {rows: []}, events: {rows: []}},
	page: {deployments: 1, nodes: 1, pods: 1, events: 1},
};

function run(state: UiState, presses: KeyPress[], info: ViewInfo = view) {
	const effects = [];
	for (const key of presses) {
		const next = handleKey(state, key, info);
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

test('a kind that is not a home pane opens its view; a pane name goes home and focuses the pane; unknown words say so', t => {
	for (const [word, resource] of [['rs', 'replicasets'], ['ns', 'namespaces'], ['replicaset.apps', 'replicasets'], ['Namespace', 'namespaces']] as const) {
		t.deepEqual(run(initialState(), [press(':'), typed(word), press('enter')]).state.stack, [{kind: 'resource', resource, table: {cursor: 0}}], word);
	}
	const opened = run(initialState(), [press(':'), typed('rs'), press('enter')]).state;
	const home = run(opened, [press(':'), typed('po'), press('enter')]).state;
	t.deepEqual(home.stack, []);
	t.is(home.focus, 'pods');
	const unknown = run(initialState(), [press(':'), typed('widgets'), press('enter')]);
	t.deepEqual(unknown.state.stack, []);
	t.is(unknown.effects[0]?.type, 'flash');
	t.regex((unknown.effects[0] as {text: string}).text, /"widgets": no such kind or command/);
	// Several words are a kubectl command.
	t.deepEqual(run(initialState(), [press(':'), typed('get widgets'), press('enter')]).effects, [{type: 'run', command: 'get widgets'}]);
});

test('in a view: j/k/G move its cursor over its rows, esc and q go back, keys of other kinds say where they work', t => {
	const rows = ['a', 'b', 'c'].map(key => ({key, object: {metadata: {name: key}}}));
	const withView: ViewInfo = {...view, view: {rows, page: 2, index: new Map(rows.map((r, i) => [r.key, i]))}};
	const at = (presses: KeyPress[]) => run({...initialState(), stack: [{kind: 'resource', resource: 'configmaps', table: {cursor: 0}}]}, presses, withView);
	const table = (s: ReturnType<typeof at>) => (s.state.stack[0] as {table: {cursor: number; selection?: string}} | undefined)?.table;
	t.is(table(at([press('j'), press('j'), press('j')]))?.cursor, 2);
	t.is(table(at([press('G'), press('k')]))?.selection, 'b');
	t.deepEqual(at([press('esc')]).state.stack, []);
	const q = at([press('q')]);
	t.deepEqual(q.state.stack, []);
	t.deepEqual(q.effects, []);
	const scale = at([press('s')]);
	t.is(scale.state.dialog, undefined);
	t.regex((scale.effects[0] as {text: string}).text, /scale works on deployments and replicasets, not configmaps/);
	t.deepEqual(at([press('n')]).effects, [{type: 'step'}]);
});
