import test from 'ava';
import type {KubeObject} from '../../../source/cluster/index.js';
import {press} from '../../../source/ui/state/keys.js';
import {handleKey} from '../../../source/ui/state/reducer.js';
import {submitCommand} from '../../../source/ui/state/prompt.js';
import {complete} from '../../../source/ui/state/completion.js';
import {crumbs} from '../../../source/ui/state/stack.js';
import {initialState, topView, type UiState, type ViewInfo} from '../../../source/ui/state/types.js';
import {helpRows} from '../../../source/ui/components/HelpOverlay.js';
import {node, pod} from '../helpers/objects.js';

const rows = (objects: KubeObject[]) => objects.map(object => ({key: object.metadata!.namespace ? `${object.metadata!.namespace}/${object.metadata!.name}` : object.metadata!.name!, object}));

const names: Record<string, string[]> = {pods: ['web-1', 'web-2'], nodes: ['worker-1'], deployments: ['web']};

function info(extra: Partial<ViewInfo> = {}): ViewInfo {
	return {
		tables: {deployments: {rows: []}, nodes: {rows: rows([node('worker-1')])}, pods: {rows: rows([pod('web-1'), pod('web-2')])}, events: {rows: []}},
		page: {deployments: 1, nodes: 1, pods: 5, events: 1},
		names: (resource, namespace) => (namespace === undefined || namespace === 'default' ? names[resource] ?? [] : []),
		ticks: {oldest: 0, newest: 7},
		...extra,
	};
}

function keys(state: UiState, list: string[], v = info()) {
	const effects = [];
	for (const name of list) {
		const next = handleKey(state, press(name), v);
		state = next.state;
		effects.push(...next.effects);
	}
	return {state, effects};
}

test('t opens the trace of the newest tick, following each step; [ and ] walk history, bounded', t => {
	let {state} = keys(initialState(), ['t']);
	t.deepEqual(topView(state), {kind: 'trace', table: {cursor: 0}});
	t.deepEqual(crumbs(state), ['pods', 'trace']);
	({state} = keys(state, ['[', '[']));
	t.like(topView(state), {kind: 'trace', tick: 5});
	({state} = keys(state, ['left']));
	t.like(topView(state), {kind: 'trace', tick: 4});
	({state} = keys(state, [']', 'right', ']']));
	t.is((topView(state) as {tick?: number}).tick, undefined, 'back at the newest: it follows steps again');
	const later = keys(state, [']']);
	t.deepEqual(later.effects, [{type: 'flash', level: 'info', text: 'tick 7 is the newest: n steps the clock'}]);
	const atOldest = submitCommand(initialState(), 'trace 0', info());
	t.deepEqual(keys(atOldest.state, ['[']).effects, [{type: 'flash', level: 'warn', text: 'tick 0 is the oldest kept (history: ticks 0-7)'}]);
	t.deepEqual(crumbs(atOldest.state), ['pods', 'trace:0']);
	({state} = keys(state, ['esc']));
	t.is(state.stack.length, 0, 'esc goes back');
});

test(':trace TICK opens that tick; a tick outside history or not a number is a clear error', t => {
	t.like(topView(submitCommand(initialState(), 'trace 3', info()).state), {kind: 'trace', tick: 3});
	t.deepEqual(submitCommand(initialState(), 'trace 99', info()).effects, [{type: 'flash', level: 'error', text: 'trace: tick 99 is not in history: ticks 0-7 are kept'}]);
	t.deepEqual(submitCommand(initialState(), 'trace abc', info()).effects, [{type: 'flash', level: 'error', text: 'trace: "abc" is not a tick number (:trace or :trace TICK)'}]);
	t.is(submitCommand(initialState(), 'trace 99', info()).state.stack.length, 0);
});

test('w on a pod opens why; w elsewhere says it works on pods', t => {
	const {state} = keys(initialState(), ['w']);
	t.deepEqual(topView(state), {kind: 'why', target: {resource: 'pods', name: 'web-1', namespace: 'default'}, table: {cursor: 0}});
	t.deepEqual(crumbs(state), ['pods', 'why:web-1']);
	const onNode = keys({...initialState(), focus: 'nodes'}, ['w']);
	t.is(onNode.state.stack.length, 0);
	t.deepEqual(onNode.effects, [{type: 'flash', level: 'warn', text: 'w: why works on pods, not nodes'}]);
});

test(':why pod/NAME [-n NS]: opens it; unknown pods, other kinds and a missing name are refused with the reason', t => {
	t.like(topView(submitCommand(initialState(), 'why pod/web-2', info()).state), {kind: 'why', target: {name: 'web-2', namespace: 'default'}});
	t.like(topView(submitCommand(initialState(), 'why web-2 -n default', info()).state), {kind: 'why', target: {name: 'web-2'}});
	const error = (line: string) => submitCommand(initialState(), line, info()).effects;
	t.deepEqual(error('why pod/nope'), [{type: 'flash', level: 'error', text: 'why: pods "nope" not found in namespace "default"'}]);
	t.deepEqual(error('why pod/web-1 -n shop'), [{type: 'flash', level: 'error', text: 'why: pods "web-1" not found in namespace "shop"'}]);
	t.deepEqual(error('why deploy/web'), [{type: 'flash', level: 'error', text: 'why: the scheduler places pods, not "deploy": :why pod/NAME [-n NAMESPACE]'}]);
	t.deepEqual(error('why'), [{type: 'flash', level: 'error', text: 'why: name one pod: :why pod/NAME [-n NAMESPACE]'}]);
	t.deepEqual(error('why pod/'), [{type: 'flash', level: 'error', text: 'why: name one pod: :why pod/NAME [-n NAMESPACE]'}]);
});

test(':cp opens the control plane; Enter on a trace row goes to its object with the cursor on it', t => {
	const cp = submitCommand(initialState(), 'cp', info());
	t.deepEqual(topView(cp.state), {kind: 'control-plane', table: {cursor: 0}});
	t.deepEqual(submitCommand(initialState(), 'cp now', info()).effects, [{type: 'flash', level: 'error', text: 'cp: takes nothing after it'}]);

	const trace = submitCommand(initialState(), 'trace', info()).state;
	const lines = {rows: [{key: '12/deployments/default/web', object: {kind: 'deployments', metadata: {name: 'web', namespace: 'default'}}}], page: 5, index: new Map([['12/deployments/default/web', 0]])};
	const entered = handleKey(trace, press('enter'), info({view: lines}));
	t.deepEqual(topView(entered.state), {kind: 'resource', resource: 'deployments', scope: {label: 'web', namespace: 'default'}, table: {cursor: 0, selection: 'default/web'}});
	const goneRows = {...lines, rows: [{key: 'x', object: {kind: 'pods', metadata: {name: 'gone', namespace: 'default'}}}]};
	t.deepEqual(handleKey(trace, press('enter'), info({view: goneRows})).effects, [{type: 'flash', level: 'warn', text: 'pod default/gone no longer exists'}]);
});

test('help lists the new keys, and Tab completes the new commands', t => {
	const help = helpRows();
	t.true(help.some(r => r.KEY === 't' && r.ACTION.startsWith('Who did what in the last tick')));
	t.true(help.some(r => r.KEY === 'w' && r.WHERE === 'pods'));
	t.true(help.some(r => r.KEY === '[' && r.WHERE === 'trace'));
	t.true(help.some(r => r.ACTION.includes('cp (control plane)')));
	t.is(complete('tr', 2, () => [])?.text, 'trace ');
	t.is(complete('why pod', 7, () => [])?.text, 'why pods/');
	t.deepEqual(complete('why de', 6, () => []), undefined, 'only pods are explained');
	t.is(complete('why pod/we', 10, r => names[r] ?? [])?.text, 'why pod/web-');
});
