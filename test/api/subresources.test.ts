import test from 'ava';
import {createCluster, isStatusError, type Deployment, type Pod} from '../../source/cluster/index.js';
import {deploymentObject, podObject} from '../helpers/cluster.js';

test('binding sets spec.nodeName and PodScheduled=True', t => {
	const cluster = createCluster();
	const pod = cluster.client.create<Pod>('pods', podObject('p'));
	cluster.step(2);
	const bound = cluster.client.bind('default', 'p', 'node-1') as Pod;
	t.is(bound.spec!.nodeName, 'node-1');
	const scheduled = bound.status!.conditions!.find(c => c.type === 'PodScheduled');
	t.is(scheduled?.status, 'True');
	t.is(scheduled?.lastTransitionTime, '2026-01-01T00:00:02Z');
	t.is(bound.metadata!.uid, pod.metadata!.uid);
	t.is(cluster.client.get<Pod>('pods', 'p').spec!.nodeName, 'node-1');
});

test('binding an already bound pod is 409 Conflict and leaves it where it is', t => {
	const cluster = createCluster();
	cluster.client.create('pods', podObject('p'));
	cluster.client.bind('default', 'p', 'node-1');
	const error = t.throws(() => cluster.client.bind('default', 'p', 'node-2'));
	t.true(isStatusError(error, 'Conflict'));
	t.is((error as any).status.code, 409);
	t.is(error?.message, 'Operation cannot be fulfilled on pods/binding "p": pod p is already assigned to node "node-1"');
	t.is(cluster.client.get<Pod>('pods', 'p').spec!.nodeName, 'node-1');
	t.throws(() => cluster.client.bind('default', 'missing', 'node-1'), {message: 'pods "missing" not found'});
});

test('scale subresource: get reports spec and status replicas and the selector', t => {
	const cluster = createCluster();
	cluster.client.create('deployments', deploymentObject('web', 3));
	const scale = cluster.client.getScale('deployments', 'web');
	t.is(scale.kind, 'Scale');
	t.is(scale.apiVersion, 'autoscaling/v1');
	t.is(scale.metadata.name, 'web');
	t.is(scale.spec.replicas, 3);
	t.is(scale.status.replicas, 0);
	t.is(scale.status.selector, 'app=web');
});

test('scale subresource: update sets replicas and bumps generation; no change writes nothing', t => {
	const cluster = createCluster();
	cluster.client.create('deployments', deploymentObject('web', 3));
	const scale = cluster.client.updateScale('deployments', 'web', 5);
	t.is(scale.spec.replicas, 5);
	const d = cluster.client.get<Deployment>('deployments', 'web');
	t.is(d.spec!.replicas, 5);
	t.is(d.metadata!.generation, 2);
	const revision = cluster.api.revision;
	cluster.client.updateScale('deployments', 'web', 5);
	t.is(cluster.api.revision, revision);
});

test('scale subresource: negative replicas are 422 Scale.autoscaling invalid', t => {
	const cluster = createCluster();
	cluster.client.create('deployments', deploymentObject('web', 3));
	const error = t.throws(() => cluster.client.updateScale('deployments', 'web', -2));
	t.is(error?.message, 'Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -2: must be greater than or equal to 0');
	t.is((error as any).status.code, 422);
	t.is(cluster.client.get<Deployment>('deployments', 'web').spec!.replicas, 3);
});

test('scale subresource: a stale resourceVersion conflicts, and pods have no scale', t => {
	const cluster = createCluster();
	const d = cluster.client.create<Deployment>('deployments', deploymentObject('web', 3));
	cluster.client.updateScale('deployments', 'web', 4);
	const error = t.throws(() => cluster.client.updateScale('deployments', 'web', 6, {resourceVersion: d.metadata!.resourceVersion}));
	t.true(isStatusError(error, 'Conflict'));
	t.is(cluster.client.get<Deployment>('deployments', 'web').spec!.replicas, 4);
	cluster.client.create('pods', podObject('p'));
	t.throws(() => cluster.client.getScale('pods', 'p'), {message: 'pods/scale "p" not found'});
	t.throws(() => cluster.client.getScale('deployments', 'nope'), {message: 'deployments.apps "nope" not found'});
});

test('graceful deletion: a bound pod gets deletionTimestamp = now + grace and stays', t => {
	const cluster = createCluster();
	cluster.client.create('pods', podObject('p'));
	cluster.client.bind('default', 'p', 'node-1');
	cluster.step(4);
	const marked = cluster.client.delete<Pod>('pods', 'p');
	t.is(marked.metadata!.deletionTimestamp, '2026-01-01T00:00:34Z');
	t.is(marked.metadata!.deletionGracePeriodSeconds, 30);
	const stored = cluster.client.get<Pod>('pods', 'p');
	t.is(stored.metadata!.deletionTimestamp, '2026-01-01T00:00:34Z');
	// A second delete with a shorter grace period shortens the deadline; a longer one does not extend it.
	const shorter = cluster.client.delete<Pod>('pods', 'p', {gracePeriodSeconds: 5});
	t.is(shorter.metadata!.deletionTimestamp, '2026-01-01T00:00:09Z');
	t.is(shorter.metadata!.deletionGracePeriodSeconds, 5);
	const longer = cluster.client.delete<Pod>('pods', 'p', {gracePeriodSeconds: 60});
	t.is(longer.metadata!.deletionGracePeriodSeconds, 5);
	// Grace 0 removes it at once.
	cluster.client.delete('pods', 'p', {gracePeriodSeconds: 0});
	t.is(cluster.client.find('pods', 'p'), undefined);
});

test('graceful deletion: the pod\'s own terminationGracePeriodSeconds is the default', t => {
	const cluster = createCluster();
	const pod = podObject('p');
	pod.spec!.terminationGracePeriodSeconds = 7;
	cluster.client.create('pods', pod);
	cluster.client.bind('default', 'p', 'node-1');
	const marked = cluster.client.delete<Pod>('pods', 'p');
	t.is(marked.metadata!.deletionGracePeriodSeconds, 7);
	t.is(marked.metadata!.deletionTimestamp, '2026-01-01T00:00:07Z');
});

test('an unbound pod, or one deleted with gracePeriodSeconds 0, is removed at once', t => {
	const cluster = createCluster();
	cluster.client.create('pods', podObject('unbound'));
	cluster.client.delete('pods', 'unbound');
	t.is(cluster.client.find('pods', 'unbound'), undefined);
	cluster.client.create('pods', podObject('bound'));
	cluster.client.bind('default', 'bound', 'node-1');
	cluster.client.delete('pods', 'bound', {gracePeriodSeconds: 0});
	t.is(cluster.client.find('pods', 'bound'), undefined);
	// Objects without graceful deletion go at once.
	cluster.client.create('deployments', deploymentObject('web', 1));
	cluster.client.delete('deployments', 'web');
	t.is(cluster.client.find('deployments', 'web'), undefined);
});

test('binding a pod that is being deleted is refused', t => {
	const cluster = createCluster();
	cluster.client.create('pods', podObject('p'));
	cluster.client.bind('default', 'p', 'node-1');
	cluster.client.delete('pods', 'p');
	// A terminating pod is not bound again.
	const error = t.throws(() => cluster.client.bind('default', 'p', 'node-2'));
	t.true(isStatusError(error, 'Conflict'));
});

test('delete preconditions: a uid or resourceVersion mismatch is 409 and nothing is deleted', t => {
	const cluster = createCluster();
	const pod = cluster.client.create<Pod>('pods', podObject('p'));
	const error = t.throws(() => cluster.client.delete('pods', 'p', {preconditions: {uid: 'not-the-uid'}}));
	t.true(isStatusError(error, 'Conflict'));
	t.is(error?.message, `Operation cannot be fulfilled on pods "p": Precondition failed: UID in precondition: not-the-uid, UID in object meta: ${pod.metadata!.uid}`);
	t.truthy(cluster.client.find('pods', 'p'));
	const stale = t.throws(() => cluster.client.delete('pods', 'p', {preconditions: {resourceVersion: '1'}}));
	t.true(isStatusError(stale, 'Conflict'));
	t.truthy(cluster.client.find('pods', 'p'));
	cluster.client.delete('pods', 'p', {preconditions: {uid: pod.metadata!.uid}});
	t.is(cluster.client.find('pods', 'p'), undefined);
});

test('dry-run create validates and defaults without storing', t => {
	const cluster = createCluster();
	const revision = cluster.api.revision;
	const pod = cluster.client.create<Pod>('pods', podObject('p'), {dryRun: true});
	t.is(pod.spec!.restartPolicy, 'Always');
	t.is(cluster.api.revision, revision);
	t.is(cluster.client.find('pods', 'p'), undefined);
});
