import test from 'ava';
import type {Pod, ReplicaSet} from '../../source/cluster/index.js';
import {
	allRunning, clusterWith, deploymentObject, eventsFor, nodeObject, podStatus, pods, replicaSets, stepUntil, names,
} from '../helpers/cluster.js';

test('the ReplicaSet is named <deployment>-<pod-template-hash> and its pods carry the hash label', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('deployments', deploymentObject('web', 2));
	cluster.step(2);
	const [rs] = replicaSets(cluster);
	const hash = rs!.metadata!.labels!['pod-template-hash']!;
	t.regex(hash, /^[bcdfghjklmnpqrstvwxz2456789]+$/);
	t.is(rs!.metadata!.name, `web-${hash}`);
	t.deepEqual(rs!.spec!.selector!.matchLabels, {app: 'web', 'pod-template-hash': hash});
	t.is(rs!.spec!.template!.metadata!.labels!['pod-template-hash'], hash);
	const owner = rs!.metadata!.ownerReferences![0]!;
	t.like(owner, {kind: 'Deployment', name: 'web', controller: true, blockOwnerDeletion: true});
	t.is(owner.uid, cluster.client.get('deployments', 'web').metadata!.uid!);
	t.is(rs!.metadata!.annotations!['deployment.kubernetes.io/revision'], '1');
	for (const pod of pods(cluster, 'app=web')) {
		t.is(pod.metadata!.labels!['pod-template-hash'], hash);
		t.true(pod.metadata!.name!.startsWith(`web-${hash}-`));
		t.is(pod.metadata!.name!.length, `web-${hash}-`.length + 5);
		t.like(pod.metadata!.ownerReferences![0]!, {kind: 'ReplicaSet', name: rs!.metadata!.name, uid: rs!.metadata!.uid, controller: true});
	}
	// The same template gives the same hash in another cluster.
	const other = clusterWith([]);
	other.client.create('deployments', deploymentObject('web', 5));
	other.step();
	t.is(replicaSets(other)[0]!.metadata!.name, rs!.metadata!.name);
});

test('scale up: new pods, SuccessfulCreate and ScalingReplicaSet "from 3 to 5" events', t => {
	const cluster = clusterWith([nodeObject('node-1'), nodeObject('node-2')]);
	cluster.client.create('deployments', deploymentObject('web', 3));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 3), 20);
	const before = names(pods(cluster, 'app=web'));
	const rsName = replicaSets(cluster)[0]!.metadata!.name!;

	t.is(cluster.run('scale deployment/web --replicas=5').message, 'deployment.apps/web scaled');
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 5), 20);
	const after = names(pods(cluster, 'app=web'));
	const added = after.filter(n => !before.includes(n));
	t.is(added.length, 2);
	t.true(before.every(n => after.includes(n)));

	const scaling = eventsFor(cluster, 'web', 'ScalingReplicaSet').map(e => e.message);
	t.deepEqual(scaling, [`Scaled up replica set ${rsName} to 3`, `Scaled up replica set ${rsName} from 3 to 5`]);
	const created = eventsFor(cluster, rsName, 'SuccessfulCreate').map(e => e.message).sort();
	t.deepEqual(created, after.map(n => `Created pod: ${n}`).sort());
	for (const e of eventsFor(cluster, rsName, 'SuccessfulCreate')) {
		t.is(e.source?.component, 'replicaset-controller');
		t.is(e.type, 'Normal');
		t.is(e.involvedObject.kind, 'ReplicaSet');
	}
	t.is(eventsFor(cluster, 'web', 'ScalingReplicaSet')[0]!.source?.component, 'deployment-controller');
});

test('scale down deletes unscheduled Pending pods before Running ones, with SuccessfulDelete events', t => {
	// One node with room for two 1-cpu pods: scaling to 4 leaves two Pending.
	const cluster = clusterWith([nodeObject('node-1', {cpu: '2'})]);
	cluster.client.create('deployments', deploymentObject('web', 2, {cpu: '1'}));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 2), 20);
	const running = names(pods(cluster, 'app=web'));
	cluster.run('scale deployment/web --replicas=4');
	stepUntil(cluster, () => pods(cluster, 'app=web').length === 4, 10);
	cluster.step(3);
	const pending = names(pods(cluster, 'app=web').filter(p => !p.spec!.nodeName));
	t.is(pending.length, 2);
	t.true(pods(cluster, 'app=web').filter(p => !p.spec!.nodeName).every(p => podStatus(p) === 'Pending'));

	cluster.run('scale deployment/web --replicas=2');
	stepUntil(cluster, () => pods(cluster, 'app=web').length === 2, 10);
	t.deepEqual(names(pods(cluster, 'app=web')), running);
	const rsName = replicaSets(cluster)[0]!.metadata!.name!;
	t.deepEqual(eventsFor(cluster, rsName, 'SuccessfulDelete').map(e => e.message).sort(), pending.map(n => `Deleted pod: ${n}`));
	t.true(pods(cluster, 'app=web').every(p => p.metadata!.deletionTimestamp === undefined));
	t.true(eventsFor(cluster, 'web', 'ScalingReplicaSet').some(e => e.message === `Scaled down replica set ${rsName} from 4 to 2`));
});

test('scale down removes a pod that is not ready yet before the ready ones', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('deployments', deploymentObject('web', 2));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 2), 20);
	cluster.step(5);
	const old = names(pods(cluster, 'app=web'));
	cluster.run('scale deployment/web --replicas=3');
	// Scale down while the third pod is still starting: it is not ready, so it goes first.
	stepUntil(cluster, () => pods(cluster, 'app=web').some(p => p.spec!.nodeName && !old.includes(p.metadata!.name!)), 10);
	const young = pods(cluster, 'app=web').find(p => !old.includes(p.metadata!.name!))!;
	t.not(podStatus(young), 'Running');
	cluster.run('scale deployment/web --replicas=2');
	stepUntil(cluster, () => pods(cluster, 'app=web').filter(p => !p.metadata!.deletionTimestamp).length === 2, 10);
	t.deepEqual(names(pods(cluster, 'app=web').filter(p => !p.metadata!.deletionTimestamp)), old);
});

test('a deleted pod goes Terminating, gets a Killing event, disappears, and is replaced', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('deployments', deploymentObject('web', 2));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 2), 20);
	const victim = pods(cluster, 'app=web')[0]!;
	const name = victim.metadata!.name!;
	t.is(cluster.run(`delete pod/${name}`).message, `pod "${name}" deleted`);

	const terminating = cluster.client.get<Pod>('pods', name);
	t.truthy(terminating.metadata!.deletionTimestamp);
	t.is(podStatus(terminating), 'Terminating');

	cluster.step();
	// The kubelet stops the container; the ReplicaSet already made a replacement.
	t.deepEqual(eventsFor(cluster, name, 'Killing').map(e => e.message), ['Stopping container web']);
	t.is(eventsFor(cluster, name, 'Killing')[0]!.source?.component, 'kubelet');
	t.is(eventsFor(cluster, name, 'Killing')[0]!.source?.host, 'node-1');
	stepUntil(cluster, () => cluster.client.find('pods', name) === undefined, 10, 'pod gone');
	const finalDelete = cluster.trace.list().filter(e => e.resource === 'pods' && e.name === name && e.verb === 'delete');
	t.deepEqual(finalDelete.map(e => e.component), ['kubernetes-admin', 'system:node:node-1']);
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 2), 20);
	t.false(names(pods(cluster, 'app=web')).includes(name));
	const rsName = replicaSets(cluster)[0]!.metadata!.name!;
	t.is(eventsFor(cluster, rsName, 'SuccessfulCreate').length, 3);
});

test('deleting a deployment removes its ReplicaSet, then its pods (garbage collector)', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('deployments', deploymentObject('web', 2));
	cluster.client.create('deployments', deploymentObject('api', 1));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 2) && allRunning(cluster, 'app=api', 1), 20);
	const rsName = replicaSets(cluster, 'app=web')[0]!.metadata!.name!;
	cluster.run('delete deployment/web');
	t.is(cluster.client.find('deployments', 'web'), undefined);
	t.truthy(cluster.client.find('replicasets', rsName));

	cluster.step();
	t.is(cluster.client.find('replicasets', rsName), undefined);
	t.is(pods(cluster, 'app=web').length, 2);
	const gc = 'system:serviceaccount:kube-system:generic-garbage-collector';
	t.true(cluster.trace.list({tick: cluster.clock.tick}).some(e => e.component === gc && e.resource === 'replicasets' && e.name === rsName));

	cluster.step();
	t.true(pods(cluster, 'app=web').every(p => p.metadata!.deletionTimestamp !== undefined));
	t.true(cluster.trace.list({tick: cluster.clock.tick}).some(e => e.component === gc && e.resource === 'pods'));
	stepUntil(cluster, () => pods(cluster, 'app=web').length === 0, 10, 'pods gone');
	// The other deployment is untouched.
	t.true(allRunning(cluster, 'app=api', 1));
	t.is(replicaSets(cluster, 'app=api').length, 1);
});

test('a ReplicaSet created by hand (no deployment) keeps its pod count', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	const rs: ReplicaSet = {
		apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name: 'solo'},
		spec: {replicas: 2, selector: {matchLabels: {app: 'solo'}}, template: {metadata: {labels: {app: 'solo'}}, spec: {containers: [{name: 'c', image: 'redis:7'}]}}},
	};
	cluster.client.create('replicasets', rs);
	stepUntil(cluster, () => allRunning(cluster, 'app=solo', 2), 20);
	cluster.client.updateScale('replicasets', 'solo', 1);
	stepUntil(cluster, () => pods(cluster, 'app=solo').filter(p => !p.metadata!.deletionTimestamp).length === 1, 5);
	stepUntil(cluster, () => cluster.client.get<ReplicaSet>('replicasets', 'solo').status?.replicas === 1, 5);
	stepUntil(cluster, () => pods(cluster, 'app=solo').length === 1, 10);
	t.is(cluster.client.get<ReplicaSet>('replicasets', 'solo').status?.readyReplicas, 1);
	t.is(eventsFor(cluster, 'solo', 'SuccessfulDelete').length, 1);
});
