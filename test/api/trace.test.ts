import test from 'ava';
import {createCluster, formatTraceEntry, type TraceEntry} from '../../source/cluster/index.js';
import {deploymentObject, podObject} from '../helpers/cluster.js';

const last = (entries: readonly TraceEntry[]) => entries[entries.length - 1]!;
const brief = (e: TraceEntry) => ({component: e.component, verb: e.verb, resource: e.resource, namespace: e.namespace, name: e.name, tick: e.tick});

test('every write is traced with identity, verb, resource, tick and revision', t => {
	const cluster = createCluster();
	const admin = cluster.client;
	const scheduler = cluster.clientFor('system:kube-scheduler');
	const kubelet = cluster.clientFor('system:node:node-1');
	cluster.step(2);

	admin.create('deployments', deploymentObject('web', 1), {reason: 'test create'});
	let entry = last(cluster.trace.list());
	t.deepEqual(brief(entry), {component: 'kubernetes-admin', verb: 'create', resource: 'deployments', namespace: 'default', name: 'web', tick: 2});
	t.is(entry.reason, 'test create');
	t.is(entry.revision, cluster.api.revision);

	admin.updateScale('deployments', 'web', 3);
	t.deepEqual(brief(last(cluster.trace.list())), {component: 'kubernetes-admin', verb: 'update', resource: 'deployments/scale', namespace: 'default', name: 'web', tick: 2});

	const pod = admin.create('pods', podObject('p'));
	scheduler.bind('default', 'p', 'node-1', {reason: 'best node'});
	entry = last(cluster.trace.list());
	t.deepEqual(brief(entry), {component: 'system:kube-scheduler', verb: 'create', resource: 'pods/binding', namespace: 'default', name: 'p', tick: 2});
	t.is(entry.reason, 'best node');

	cluster.step();
	const bound = kubelet.get('pods', 'p');
	kubelet.updateStatus('pods', {...bound, status: {...(bound.status as object), phase: 'Running'}});
	t.deepEqual(brief(last(cluster.trace.list())), {component: 'system:node:node-1', verb: 'update', resource: 'pods/status', namespace: 'default', name: 'p', tick: 3});

	admin.delete('pods', 'p');
	t.deepEqual(brief(last(cluster.trace.list())), {component: 'kubernetes-admin', verb: 'delete', resource: 'pods', namespace: 'default', name: 'p', tick: 3});
	kubelet.delete('pods', 'p', {gracePeriodSeconds: 0, preconditions: {uid: pod.metadata!.uid}});
	t.deepEqual(brief(last(cluster.trace.list())), {component: 'system:node:node-1', verb: 'delete', resource: 'pods', namespace: 'default', name: 'p', tick: 3});

	admin.create('nodes', {apiVersion: 'v1', kind: 'Node', metadata: {name: 'n'}});
	t.deepEqual(brief(last(cluster.trace.list())), {component: 'kubernetes-admin', verb: 'create', resource: 'nodes', namespace: undefined, name: 'n', tick: 3});

	// Revisions in the trace increase with every write.
	const revisions = cluster.trace.list().map(e => e.revision);
	t.deepEqual(revisions, [...revisions].sort((a, b) => a - b));
	t.is(new Set(revisions).size, revisions.length);
});

test('failed writes and no-op updates are not traced', t => {
	const cluster = createCluster();
	const d = cluster.client.create('deployments', deploymentObject('web', 1));
	const size = cluster.trace.size;
	t.throws(() => cluster.client.create('deployments', deploymentObject('web', 1)));
	t.throws(() => cluster.client.create('deployments', deploymentObject('bad', -1)));
	cluster.client.update('deployments', d);
	t.is(cluster.trace.size, size);
});

test('trace entries can be listed by tick and formatted as one line', t => {
	const cluster = createCluster();
	cluster.client.create('pods', podObject('a'));
	cluster.step();
	cluster.client.create('pods', podObject('b'), {reason: 'because'});
	// (The scheduler also writes at tick 1: pod a has no node to go to.)
	const tick1 = cluster.trace.list({tick: 1}).filter(e => e.component === 'kubernetes-admin');
	t.is(tick1.length, 1);
	t.true(cluster.trace.list({tick: 1}).every(e => e.tick === 1));
	t.is(formatTraceEntry(tick1[0]!), 'tick 1  kubernetes-admin  create pods default/b: because');
	t.true(cluster.trace.list({tick: 0}).some(e => e.name === 'a'));
	// Bootstrap namespaces are written by the API server itself before the first tick.
	t.deepEqual(cluster.trace.list({tick: 0}).filter(e => e.resource === 'namespaces').map(e => e.component), Array(4).fill('system:apiserver'));
});

// Upstream's audit log records a PATCH request with verb "patch"; the trace's verb type has 'patch' for
// it, but ApiServer.patch() goes through update() and is recorded as 'update'.
test('a merge patch is traced with verb patch', t => {
	const cluster = createCluster();
	cluster.client.create('pods', podObject('p'));
	cluster.client.patch('pods', 'p', {metadata: {labels: {a: 'b'}}});
	const entry = last(cluster.trace.list());
	t.is(entry.resource, 'pods');
	t.is(entry.verb, 'patch');
});
