import test from 'ava';
import {cpuCell, formatMemory, memoryCell, nodeColumns, nodeTone} from '../../../source/ui/render/nodes.js';
import {nodeUsage} from '../../../source/ui/render/node-usage.js';
import {ctxAt, node, pod} from '../helpers/objects.js';

test('PODS, CPU and MEM come from the pods bound to the node (finished pods do not count)', t => {
	const pods = [
		pod('a', {node: 'worker-1', phase: 'Running', cpu: '250m', memory: '512Mi'}),
		pod('b', {node: 'worker-1', phase: 'Running', cpu: '1', memory: '1Gi'}),
		pod('c', {node: 'worker-1', phase: 'Succeeded', cpu: '2', memory: '2Gi'}),
		pod('d', {node: 'worker-2', phase: 'Running'}),
		pod('e', {phase: 'Pending'}),
	];
	const ctx = ctxAt(10, nodeUsage(pods));
	const n = node('worker-1', {cpu: '4', memory: '8Gi'});
	const row = Object.fromEntries(nodeColumns.map(c => [c.title, c.value(n, ctx)]));
	t.is(row['PODS'], '2');
	t.is(cpuCell(n, ctx), '1250m/4 31%');
	t.is(memoryCell(n, ctx), '1.5Gi/8Gi 19%');
	t.is(row['STATUS'], 'Ready');
	t.is(row['VERSION'], 'v1.30.0');
	t.is(row['AGE'], '10s');
});

test('a cordoned node reads Ready,SchedulingDisabled and is dark orange; NotReady is an error', t => {
	const cordoned = node('worker-2', {unschedulable: true});
	t.is(nodeColumns.find(c => c.title === 'STATUS')!.value(cordoned, ctxAt(0)), 'Ready,SchedulingDisabled');
	t.is(nodeTone(cordoned), 'pending');
	t.is(nodeTone(node('worker-3', {ready: false})), 'error');
	t.is(nodeTone(node('worker-4')), 'normal');
});

test('ROLES as kubectl prints them, and TAINTS (a count) as k9s shows them', t => {
	const cp = node('cp', {roles: ['control-plane'], taints: 1});
	const cell = (title: string) => nodeColumns.find(c => c.title === title)!.value(cp, ctxAt(0));
	t.is(cell('ROLES'), 'control-plane');
	t.deepEqual(nodeColumns.filter(c => !c.wide).map(c => c.title), ['NAME', 'STATUS', 'ROLES', 'TAINTS', 'PODS', 'CPU', 'MEM', 'AGE', 'VERSION']);
	t.is(cell('TAINTS'), '1');
});

test('formatMemory: Mi below a Gi, else Gi with one decimal', t => {
	t.is(formatMemory(0), '0');
	t.is(formatMemory(128 * 2 ** 20), '128Mi');
	t.is(formatMemory(8 * 2 ** 30), '8Gi');
	t.is(formatMemory(1.5 * 2 ** 30), '1.5Gi');
});
