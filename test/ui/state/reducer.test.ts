import test from 'ava';
import type {KubeObject} from '../../../source/cluster/index.js';
import {press} from '../../../source/ui/state/keys.js';
import {followSelection} from '../../../source/ui/state/navigation.js';
import {bindingsFor} from '../../../source/ui/state/keymap.js';
import {handleKey} from '../../../source/ui/state/reducer.js';
import {initialState, speedOf, type PaneId, type UiState, type ViewInfo} from '../../../source/ui/state/types.js';
import {deployment, node, pod} from '../helpers/objects.js';

const rows = (objects: KubeObject[]) => objects.map(object => ({key: object.metadata!.namespace ? `${object.metadata!.namespace}/${object.metadata!.name}` : object.metadata!.name!, object}));

function view(podCount = 30): ViewInfo {
	return {
		tables: {
			deployments: {rows: rows([deployment('api', {replicas: 2}), deployment('web', {replicas: 3})])},
			nodes: {rows: rows([node('worker-1'), node('worker-2')])},
			pods: {rows: rows(Array.from({length: podCount}, (_, i) => pod(`web-${String(i).padStart(3, '0')}`)))},
			events: {rows: []},
		},
		page: {deployments: 2, nodes: 2, pods: 10, events: 5},
	};
}

/** Press keys in order, collecting every effect. */
function keys(state: UiState, names: string[], v = view()) {
	const effects = [];
	for (const name of names) {
		const next = handleKey(state, press(name), v);
		state = next.state;
		effects.push(...next.effects);
	}
	return {state, effects};
}

const focused = (pane: PaneId): UiState => ({...initialState(), focus: pane});

test('starts paused at 1x with the pods pane focused', t => {
	const s = initialState();
	t.false(s.playing);
	t.is(speedOf(s), 1);
	t.is(s.focus, 'pods');
});

test('n steps, space toggles play, + and - walk the speeds 0.5x..16x and stop at the ends', t => {
	t.deepEqual(keys(initialState(), ['n']).effects, [{type: 'step'}]);
	t.true(keys(initialState(), ['space']).state.playing);
	t.false(keys(initialState(), ['space', 'space']).state.playing);
	t.is(speedOf(keys(initialState(), ['+', '+']).state), 4);
	t.is(speedOf(keys(initialState(), ['+', '+', '+', '+', '+', '+', '+']).state), 16);
	t.is(speedOf(keys(initialState(), ['-', '-', '-']).state), 0.5);
});

test('tab and shift-tab cycle focus in reading order', t => {
	t.is(keys(initialState(), ['tab']).state.focus, 'events');
	t.is(keys(initialState(), ['tab', 'tab']).state.focus, 'deployments');
	t.is(keys(initialState(), ['shift-tab']).state.focus, 'nodes');
});

test('j/k, g/G and paging move the cursor within the table and remember the row key', t => {
	t.is(keys(initialState(), ['j', 'j', 'down', 'k']).state.cursors.pods, 2);
	t.is(keys(initialState(), ['k']).state.cursors.pods, 0);
	const bottom = keys(initialState(), ['G']).state;
	t.is(bottom.cursors.pods, 29);
	t.is(bottom.selection.pods, 'default/web-029');
	t.is(keys(initialState(), ['G', 'g']).state.cursors.pods, 0);
	t.is(keys(initialState(), ['ctrl-f']).state.cursors.pods, 10);
	t.is(keys(initialState(), ['pgdn', 'pgdn', 'pgdn', 'pgdn']).state.cursors.pods, 29);
	t.is(keys(initialState(), ['G', 'ctrl-b']).state.cursors.pods, 19);
});

test('the cursor follows its row when rows are added before it, and stays in range when rows go', t => {
	const state = keys(initialState(), ['j', 'j']).state; // on web-002
	const before = view();
	const more = {...before, tables: {...before.tables, pods: {rows: rows([pod('aaa'), ...before.tables.pods.rows.map(r => r.object)])}}};
	const index = (v: ViewInfo) => ({
		deployments: new Map(), nodes: new Map(), events: new Map(),
		pods: new Map(v.tables.pods.rows.map((r, i) => [r.key, i])),
	});
	const followed = followSelection(state, more, index(more));
	t.is(followed.cursors.pods, 3);
	const fewer = view(1);
	t.is(followSelection(state, fewer, index(fewer)).cursors.pods, 0);
});

test('s on a deployment opens the scale dialog prefilled with spec.replicas; digits edit it; enter runs scale', t => {
	const opened = keys(focused('deployments'), ['j', 's']).state;
	t.deepEqual(opened.dialog, {kind: 'scale', resource: 'deployments', name: 'web', namespace: 'default', replicas: '3', fresh: true});
	const {state, effects} = keys(opened, ['backspace', '1', '2', 'enter']);
	t.is(state.dialog, undefined);
	t.deepEqual(effects, [{type: 'run', command: 'scale deployment/web --replicas=12 -n default'}]);
	// The prefilled value starts selected: typing replaces it (not 35), digits append after that.
	t.deepEqual(keys(opened, ['5', 'enter']).effects, [{type: 'run', command: 'scale deployment/web --replicas=5 -n default'}]);
	t.deepEqual(keys(opened, ['1', '0', 'enter']).effects, [{type: 'run', command: 'scale deployment/web --replicas=10 -n default'}]);
});

test('the scale field takes digits only and refuses what the API would: a minus says so, past int32 is refused', t => {
	const opened = keys(focused('deployments'), ['j', 's']).state;
	const minus = keys(opened, ['-', '1']);
	t.regex((minus.effects[0] as {text: string}).text, /cannot be negative/);
	t.is((minus.state.dialog as {replicas: string}).replicas, '1');
	const letters = keys(opened, ['x']);
	t.regex((letters.effects[0] as {text: string}).text, /digits only/);
	const huge = keys(opened, [...'99999999999'.split(''), 'enter']);
	t.false(huge.effects.some(e => e.type === 'run'), 'nothing is cut to fit and applied');
	t.regex(JSON.stringify(huge.effects), /at most 2147483647/);
	const above = keys(opened, [...'2147483648'.split(''), 'enter']);
	t.is(above.state.dialog?.kind, 'scale', 'the dialog stays open to correct the value');
	t.regex(JSON.stringify(above.effects), /more than the API allows/);
	t.deepEqual(keys(opened, [...'2147483647'.split(''), 'enter']).effects, [{type: 'run', command: 'scale deployment/web --replicas=2147483647 -n default'}]);
});

test('esc cancels the scale dialog without running anything', t => {
	const {state, effects} = keys(focused('deployments'), ['s', '9', 'esc']);
	t.is(state.dialog, undefined);
	t.false(effects.some(e => e.type === 'run'));
});

test('s on a pod explains where it works instead of doing something else', t => {
	const {state, effects} = keys(initialState(), ['s']);
	t.is(state.dialog, undefined);
	t.is(effects[0]?.type, 'flash');
	t.regex((effects[0] as {text: string}).text, /scale works on deployments and replicasets, not pods/);
});

test('ctrl-d asks first, with Cancel chosen: enter on it deletes nothing; tab then enter deletes', t => {
	const asked = keys(initialState(), ['j', 'ctrl-d']).state;
	t.deepEqual(asked.dialog, {kind: 'confirm', title: ' Delete ', verb: 'delete', question: 'Delete pod default/web-001?', command: 'delete pod/web-001 -n default', choice: 'cancel'});
	const cancelled = keys(asked, ['enter']);
	t.is(cancelled.state.dialog, undefined);
	t.false(cancelled.effects.some(e => e.type === 'run'));
	t.deepEqual(keys(asked, ['tab', 'enter']).effects, [{type: 'run', command: 'delete pod/web-001 -n default'}]);
	t.deepEqual(keys(asked, ['right', 'left', 'right', 'enter']).effects, [{type: 'run', command: 'delete pod/web-001 -n default'}]);
	t.false(keys(asked, ['tab', 'esc']).effects.some(e => e.type === 'run'));
	t.is(keys(focused('deployments'), ['ctrl-d']).state.dialog?.kind, 'confirm');
	t.regex(JSON.stringify(keys(focused('deployments'), ['ctrl-d', 'tab', 'enter']).effects), /delete deployment\/api -n default/);
});

test('while a dialog is open, clock and navigation keys do nothing', t => {
	const asked = keys(initialState(), ['ctrl-d']).state;
	const {state, effects} = keys(asked, ['n', 'j', 'space', 'q']);
	t.deepEqual(effects, []);
	t.false(state.playing);
	t.is(state.cursors.pods, 0);
});

test('c and u ask first (k9s), then cordon and uncordon the selected node', t => {
	const asked = keys(focused('nodes'), ['j', 'c']);
	t.deepEqual(asked.effects, []);
	t.is((asked.state.dialog as {question: string}).question, 'Cordon node worker-2?');
	t.deepEqual(keys(asked.state, ['tab', 'enter']).effects, [{type: 'run', command: 'cordon worker-2'}]);
	t.regex(JSON.stringify(keys(asked.state, ['enter']).effects), /cordon cancelled/);
	t.deepEqual(keys(focused('nodes'), ['u', 'tab', 'enter']).effects, [{type: 'run', command: 'uncordon worker-1'}]);
});

test('q on the home screen asks before quitting (the simulation is not saved); y or OK quits; ctrl-c quits at once, even from a dialog', t => {
	const asked = keys(initialState(), ['q']);
	t.deepEqual(asked.effects, []);
	t.is(asked.state.dialog?.kind, 'quit');
	t.deepEqual(keys(asked.state, ['enter']).effects, [], 'Cancel is the default');
	t.deepEqual(keys(asked.state, ['y']).effects, [{type: 'quit'}]);
	t.deepEqual(keys(asked.state, ['tab', 'enter']).effects, [{type: 'quit'}]);
	t.is(keys(asked.state, ['esc']).state.dialog, undefined);
	t.deepEqual(keys(initialState(), ['ctrl-c']).effects, [{type: 'quit'}]);
	t.deepEqual(keys(keys(initialState(), ['?']).state, ['ctrl-c']).effects, [{type: 'quit'}]);
});

test('? opens help; j/k scroll it; esc closes it', t => {
	const help = keys(initialState(), ['?', 'j', 'j', 'k']).state;
	t.deepEqual(help.dialog, {kind: 'help', offset: 1, resource: 'pods'});
	t.is(keys(help, ['esc']).state.dialog, undefined);
});

test('? lists the keys of the view it is opened in: a pod\'s kill on pods, cordon on nodes, neither in a text view', t => {
	const listed = (state: UiState) => {
		const dialog = state.dialog;
		if (dialog?.kind !== 'help') throw new Error('help is not open');
		return bindingsFor(dialog.resource).map(b => b.action);
	};
	const onPods = listed(keys(initialState(), ['?']).state);
	t.true(onPods.includes('kill') && onPods.includes('logs'));
	t.false(onPods.includes('cordon'));
	const onNodes = listed(keys({...initialState(), focus: 'nodes'}, ['?']).state);
	t.true(onNodes.includes('cordon') && onNodes.includes('drain'));
	t.false(onNodes.includes('kill') || onNodes.includes('scale'));
	const general = listed(keys(initialState(), ['d', '?']).state);
	t.true(general.includes('step') && general.includes('back'));
	t.false(general.includes('kill') || general.includes('cordon'));
	t.false(bindingsFor('deployments', true).some(b => b.mutates), 'read-only: no mutating key listed');
});
