import test from 'ava';
import type {Pod} from '../../source/cluster/index.js';
import {podsToDelete} from '../../source/cluster/control-plane/controllers/replicaset/pod-ranking.js';

interface Shape {
	name: string;
	node?: string;
	phase?: string;
	ready?: boolean;
	readySince?: string;
	cost?: number;
	restarts?: number;
	created?: string;
}

function pod(s: Shape): Pod {
	return {
		apiVersion: 'v1', kind: 'Pod',
		metadata: {
			name: s.name, namespace: 'default', creationTimestamp: s.created ?? '2026-01-01T00:00:00Z',
			...(s.cost !== undefined ? {annotations: {'controller.kubernetes.io/pod-deletion-cost': String(s.cost)}} : {}),
		},
		spec: {containers: [{name: 'c', image: 'x'}], ...(s.node ? {nodeName: s.node} : {})},
		status: {
			phase: s.phase ?? (s.node ? 'Running' : 'Pending'),
			conditions: [{type: 'Ready', status: s.ready ? 'True' : 'False', lastTransitionTime: s.readySince ?? '2026-01-01T00:00:10Z'}],
			containerStatuses: [{name: 'c', image: 'x', imageID: '', ready: Boolean(s.ready), restartCount: s.restarts ?? 0}],
		},
	} as Pod;
}

const order = (shapes: Shape[], related?: Shape[]) => {
	const list = shapes.map(pod);
	return podsToDelete(list, related ? related.map(pod) : list, list.length).map(p => p.metadata!.name);
};

test('1. not yet scheduled before scheduled', t => {
	t.deepEqual(order([{name: 'bound', node: 'n1', phase: 'Pending'}, {name: 'unbound'}]), ['unbound', 'bound']);
});

test('2. Pending before Unknown before Running', t => {
	t.deepEqual(order([
		{name: 'running', node: 'n1', phase: 'Running'},
		{name: 'unknown', node: 'n2', phase: 'Unknown'},
		{name: 'pending', node: 'n3', phase: 'Pending'},
	]), ['pending', 'unknown', 'running']);
});

test('3. not ready before ready', t => {
	t.deepEqual(order([{name: 'ready', node: 'n1', ready: true}, {name: 'unready', node: 'n2', ready: false}]), ['unready', 'ready']);
});

test('4. lower pod-deletion-cost first', t => {
	t.deepEqual(order([
		{name: 'high', node: 'n1', ready: true, cost: 100},
		{name: 'default', node: 'n2', ready: true},
		{name: 'low', node: 'n3', ready: true, cost: -5},
	]), ['low', 'default', 'high']);
});

test('5. more related pods on the same node first', t => {
	const shapes: Shape[] = [
		{name: 'alone', node: 'n1', ready: true},
		{name: 'crowded', node: 'n2', ready: true},
	];
	const related: Shape[] = [...shapes, {name: 'sibling-a', node: 'n2', ready: true}, {name: 'sibling-b', node: 'n2', ready: true}];
	t.deepEqual(order(shapes, related), ['crowded', 'alone']);
});

test('6. ready for a shorter time first', t => {
	t.deepEqual(order([
		{name: 'long', node: 'n1', ready: true, readySince: '2026-01-01T00:00:05Z'},
		{name: 'short', node: 'n2', ready: true, readySince: '2026-01-01T00:10:00Z'},
	]), ['short', 'long']);
});

test('7. more restarts first', t => {
	t.deepEqual(order([{name: 'stable', node: 'n1', ready: true}, {name: 'flaky', node: 'n2', ready: true, restarts: 4}]), ['flaky', 'stable']);
});

test('8. newer first', t => {
	t.deepEqual(order([
		{name: 'old', node: 'n1', ready: true, created: '2026-01-01T00:00:01Z'},
		{name: 'new', node: 'n2', ready: true, created: '2026-01-01T00:05:00Z'},
		{name: 'mid', node: 'n3', ready: true, created: '2026-01-01T00:02:00Z'},
	]), ['new', 'mid', 'old']);
});

test('the first rule that differs decides, and only count pods are returned', t => {
	const list = [
		pod({name: 'ready-new', node: 'n1', ready: true, created: '2026-01-01T00:09:00Z'}),
		pod({name: 'unready-old', node: 'n2', ready: false, created: '2026-01-01T00:00:01Z'}),
		pod({name: 'pending', created: '2026-01-01T00:00:00Z'}),
	];
	t.deepEqual(podsToDelete(list, list, 2).map(p => p.metadata!.name), ['pending', 'unready-old']);
	t.deepEqual(podsToDelete(list, list, 0), []);
});
