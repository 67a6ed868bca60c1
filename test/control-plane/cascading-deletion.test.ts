// Cascading deletion policies: background (the default), foreground (the owner waits with the foregroundDeletion
// finalizer for its blocking dependents), orphan (the dependents lose their ownerReference and stay).
import test from 'ava';
import type {Cluster, Deployment} from '../../source/cluster/index.js';
import {allRunning, clusterWith, deploymentObject, nodeObject, pods, replicaSets, stepUntil} from '../helpers/cluster.js';

function running(): Cluster {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('deployments', deploymentObject('web', 2));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 2), 60, 'web running');
	return cluster;
}

test('background (the default): the Deployment goes at once, then its ReplicaSet, then its pods', t => {
	const cluster = running();
	t.is(cluster.run('delete deployment/web').message, 'deployment.apps "web" deleted');
	t.is(cluster.client.find('deployments', 'web'), undefined);
	t.is(replicaSets(cluster, 'app=web').length, 1, 'the ReplicaSet is still there in the same tick');
	stepUntil(cluster, () => replicaSets(cluster, 'app=web').length === 0 && pods(cluster, 'app=web').length === 0, 30, 'all gone');
	t.pass();
});

test('foreground: the Deployment waits with the foregroundDeletion finalizer until its ReplicaSet and pods are gone', t => {
	const cluster = running();
	t.is(cluster.run('delete deployment/web --cascade=foreground').message, 'deployment.apps "web" deleted');
	const waiting = cluster.client.get<Deployment>('deployments', 'web');
	t.truthy(waiting.metadata?.deletionTimestamp);
	t.deepEqual(waiting.metadata?.finalizers, ['foregroundDeletion']);
	cluster.step(2);
	const rs = replicaSets(cluster, 'app=web')[0]!;
	t.deepEqual(rs.metadata?.finalizers, ['foregroundDeletion'], 'the ReplicaSet, which has pods, is deleted in the foreground too');
	let sawDeploymentWithoutPods = false;
	stepUntil(cluster, () => {
		const deployment = cluster.client.find('deployments', 'web');
		if (deployment && pods(cluster, 'app=web').length === 0 && replicaSets(cluster, 'app=web').length === 0) sawDeploymentWithoutPods = true;
		if (!deployment) t.is(pods(cluster, 'app=web').length, 0, 'pods went before the Deployment');
		return !deployment;
	}, 40, 'deployment gone');
	t.true(sawDeploymentWithoutPods, 'the Deployment outlived its ReplicaSet and pods');
	t.is(pods(cluster, 'app=web').length, 0);
	t.is(replicaSets(cluster, 'app=web').length, 0);
});

test('orphan: the Deployment goes, its ReplicaSet loses the ownerReference and keeps its pods running', t => {
	const cluster = running();
	const before = pods(cluster, 'app=web').map(p => p.metadata!.uid).sort();
	t.is(cluster.run('delete deployment/web --cascade=orphan').message, 'deployment.apps "web" deleted');
	t.deepEqual(cluster.client.get<Deployment>('deployments', 'web').metadata?.finalizers, ['orphan']);
	stepUntil(cluster, () => !cluster.client.find('deployments', 'web'), 10, 'deployment gone');
	cluster.step(10);
	const [rs] = replicaSets(cluster, 'app=web');
	t.truthy(rs);
	t.is(rs!.metadata?.ownerReferences, undefined);
	t.deepEqual(pods(cluster, 'app=web').map(p => p.metadata!.uid).sort(), before);
	t.true(allRunning(cluster, 'app=web', 2));
});

test('--cascade=false is orphan with kubectl\'s warning; a bad value is named', t => {
	const cluster = running();
	t.is(cluster.run('delete deployment/web --cascade=false').message, 'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\ndeployment.apps "web" deleted');
	t.throws(() => cluster.run('delete rs/whatever --cascade=sideways'), {message: 'error: invalid cascade value (sideways). Must be "background", "foreground", or "orphan"'});
});
