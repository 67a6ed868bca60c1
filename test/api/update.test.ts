import test from 'ava';
import {createCluster, isStatusError, type Deployment, type Pod} from '../../source/cluster/index.js';
import {deploymentObject, podObject} from '../helpers/cluster.js';

const conflictMessage = 'Operation cannot be fulfilled on deployments.apps "web": the object has been modified; please apply your changes to the latest version and try again';

test('an update with a stale resourceVersion is 409 Conflict', t => {
	const cluster = createCluster();
	const first = cluster.client.create<Deployment>('deployments', deploymentObject('web', 1));
	const second = cluster.client.update<Deployment>('deployments', {...first, spec: {...first.spec!, replicas: 2}});
	t.not(second.metadata!.resourceVersion, first.metadata!.resourceVersion);
	const error = t.throws(() => cluster.client.update('deployments', {...first, spec: {...first.spec!, replicas: 7}}));
	t.is(error?.message, conflictMessage);
	t.true(isStatusError(error, 'Conflict'));
	t.is((error as any).status.code, 409);
	t.is(cluster.client.get<Deployment>('deployments', 'web').spec!.replicas, 2);
});

test('an update without a resourceVersion is unconditional', t => {
	const cluster = createCluster();
	const first = cluster.client.create<Deployment>('deployments', deploymentObject('web', 1));
	cluster.client.update<Deployment>('deployments', {...first, spec: {...first.spec!, replicas: 2}});
	const {resourceVersion: _, ...meta} = first.metadata!;
	const updated = cluster.client.update<Deployment>('deployments', {...first, metadata: meta, spec: {...first.spec!, replicas: 4}});
	t.is(updated.spec!.replicas, 4);
});

test('resourceVersion of an update is the new store revision', t => {
	const cluster = createCluster();
	const d = cluster.client.create<Deployment>('deployments', deploymentObject('web', 1));
	const updated = cluster.client.update<Deployment>('deployments', {...d, spec: {...d.spec!, replicas: 3}});
	t.is(updated.metadata!.resourceVersion, String(cluster.api.revision));
	t.is(updated.metadata!.uid, d.metadata!.uid);
	t.is(updated.metadata!.creationTimestamp, d.metadata!.creationTimestamp);
});

test('generation bumps on a spec change only, not on labels or status', t => {
	const cluster = createCluster();
	const d = cluster.client.create<Deployment>('deployments', deploymentObject('web', 1));
	t.is(d.metadata!.generation, 1);
	const labelled = cluster.client.update<Deployment>('deployments', {...d, metadata: {...d.metadata, labels: {app: 'web', tier: 'front'}}});
	t.is(labelled.metadata!.generation, 1);
	t.is(labelled.metadata!.labels!['tier'], 'front');
	const withStatus = cluster.client.updateStatus<Deployment>('deployments', {...labelled, status: {replicas: 5, observedGeneration: 1}});
	t.is(withStatus.metadata!.generation, 1);
	const scaled = cluster.client.update<Deployment>('deployments', {...withStatus, spec: {...withStatus.spec!, replicas: 2}});
	t.is(scaled.metadata!.generation, 2);
	const image = cluster.client.update<Deployment>('deployments', {...scaled, spec: {...scaled.spec!, template: {
		...scaled.spec!.template!, spec: {...scaled.spec!.template!.spec!, containers: [{name: 'web', image: 'nginx:1.28'}]},
	}}});
	t.is(image.metadata!.generation, 3);
});

test('clients cannot set generation, uid or creationTimestamp on update', t => {
	const cluster = createCluster();
	const d = cluster.client.create<Deployment>('deployments', deploymentObject('web', 1));
	const updated = cluster.client.update<Deployment>('deployments', {
		...d, metadata: {...d.metadata, generation: 99, uid: 'forged', creationTimestamp: '2000-01-01T00:00:00Z', labels: {app: 'web', x: 'y'}},
	});
	t.is(updated.metadata!.generation, 1);
	t.is(updated.metadata!.uid, d.metadata!.uid);
	t.is(updated.metadata!.creationTimestamp, d.metadata!.creationTimestamp);
});

test('the status subresource: update ignores status, updateStatus ignores spec', t => {
	const cluster = createCluster();
	const d = cluster.client.create<Deployment>('deployments', deploymentObject('web', 1));
	const viaUpdate = cluster.client.update<Deployment>('deployments', {...d, spec: {...d.spec!, replicas: 2}, status: {replicas: 42}});
	t.is(viaUpdate.spec!.replicas, 2);
	t.not(viaUpdate.status?.replicas, 42);
	const viaStatus = cluster.client.updateStatus<Deployment>('deployments', {...viaUpdate, spec: {...viaUpdate.spec!, replicas: 9}, status: {replicas: 7}});
	t.is(viaStatus.spec!.replicas, 2);
	t.is(viaStatus.status?.replicas, 7);
	t.is(viaStatus.metadata!.generation, viaUpdate.metadata!.generation);
	const stored = cluster.client.get<Deployment>('deployments', 'web');
	t.is(stored.spec!.replicas, 2);
	t.is(stored.status?.replicas, 7);
});

test('an update that changes nothing does not write', t => {
	const cluster = createCluster();
	const d = cluster.client.create<Deployment>('deployments', deploymentObject('web', 1));
	const revision = cluster.api.revision;
	const traced = cluster.trace.size;
	const same = cluster.client.update<Deployment>('deployments', d);
	t.is(same.metadata!.resourceVersion, d.metadata!.resourceVersion);
	t.is(cluster.api.revision, revision);
	t.is(cluster.trace.size, traced);
});

test('update of a missing object is 404', t => {
	const cluster = createCluster();
	const error = t.throws(() => cluster.client.update('deployments', deploymentObject('ghost', 1)));
	t.is(error?.message, 'deployments.apps "ghost" not found');
});

test('pod spec fields other than images are immutable', t => {
	const cluster = createCluster();
	const pod = cluster.client.create<Pod>('pods', podObject('p'));
	const image = cluster.client.update<Pod>('pods', {...pod, spec: {...pod.spec!, containers: [{...pod.spec!.containers[0]!, image: 'nginx:1.28'}]}});
	t.is(image.spec!.containers[0]!.image, 'nginx:1.28');
	const error = t.throws(() => cluster.client.update('pods', {...image, spec: {...image.spec!, restartPolicy: 'Never'}}));
	t.true(error?.message.startsWith('Pod "p" is invalid: spec: Forbidden: pod updates may not change fields other than'), error?.message);
});

test('a merge patch sets keys and null deletes them', t => {
	const cluster = createCluster();
	cluster.client.create('pods', podObject('p', {labels: {app: 'web', tier: 'front'}}));
	const patched = cluster.client.patch<Pod>('pods', 'p', {metadata: {labels: {tier: null, env: 'prod'}, annotations: {note: 'x'}}});
	t.deepEqual(patched.metadata!.labels, {app: 'web', env: 'prod'});
	t.deepEqual(patched.metadata!.annotations, {note: 'x'});
	t.is(patched.spec!.containers[0]!.image, 'nginx:1.27');
	const cleared = cluster.client.patch<Pod>('pods', 'p', {metadata: {annotations: null}});
	t.is(cleared.metadata!.annotations, undefined);
	t.deepEqual(cluster.client.get<Pod>('pods', 'p').metadata!.labels, {app: 'web', env: 'prod'});
});

test('a merge patch of a deployment bumps generation; a patch with a stale resourceVersion conflicts', t => {
	const cluster = createCluster();
	const d = cluster.client.create<Deployment>('deployments', deploymentObject('web', 1));
	const patched = cluster.client.patch<Deployment>('deployments', 'web', {spec: {replicas: 4}});
	t.is(patched.spec!.replicas, 4);
	t.is(patched.metadata!.generation, 2);
	const error = t.throws(() => cluster.client.patch('deployments', 'web', {metadata: {resourceVersion: d.metadata!.resourceVersion}, spec: {replicas: 1}}));
	t.is(error?.message, conflictMessage);
	t.throws(() => cluster.client.patch('deployments', 'web', [1, 2]), {message: 'the merge patch must be a JSON object'});
	t.throws(() => cluster.client.patch('deployments', 'nope', {}), {message: 'deployments.apps "nope" not found'});
});
