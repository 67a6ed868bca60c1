import test from 'ava';
import type {Pod} from '../../source/cluster/index.js';
import {clusterWith, deploymentObject, nodeObject, stepUntil} from '../helpers/cluster.js';

test('pods of a deleted node are removed after the 40 s quarantine, and their ReplicaSet replaces them elsewhere', t => {
	const cluster = clusterWith([nodeObject('node-1'), nodeObject('node-2')]);
	cluster.client.create('deployments', deploymentObject('web', 4));
	stepUntil(cluster, () => cluster.client.list<Pod>('pods').items.filter(p => p.status?.phase === 'Running').length === 4, 30);
	const onNode2 = cluster.client.list<Pod>('pods', {fieldSelector: 'spec.nodeName=node-2'}).items;
	t.true(onNode2.length > 0);
	cluster.run('delete node/node-2');
	cluster.step(30);
	// Still in quarantine: the pods stay (no kubelet to finish them, nothing deletes them yet).
	t.is(cluster.client.list<Pod>('pods', {fieldSelector: 'spec.nodeName=node-2'}).items.length, onNode2.length);
	cluster.step(15);
	t.is(cluster.client.list<Pod>('pods', {fieldSelector: 'spec.nodeName=node-2'}).items.length, 0);
	const gc = cluster.trace.list().filter(e => e.component === 'system:serviceaccount:kube-system:pod-garbage-collector');
	t.is(gc.length, onNode2.length);
	t.regex(gc[0]!.reason, /orphaned: node node-2 does not exist/);
	stepUntil(cluster, () => cluster.client.list<Pod>('pods').items.filter(p => p.spec?.nodeName === 'node-1' && p.status?.phase === 'Running').length === 4, 30);
	t.pass();
});
