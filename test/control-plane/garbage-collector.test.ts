// The garbage collector follows ownerReferences of any served kind, namespaced or cluster-scoped; an owner of a
// kind the API does not serve is never collected; an owner with another uid counts as gone.
import test from 'ava';
import {createCluster, type KubeObject, type Pod} from '../../source/cluster/index.js';

function pod(name: string, owner: {apiVersion: string; kind: string; name: string; uid: string}): Pod {
	return {
		apiVersion: 'v1', kind: 'Pod',
		metadata: {name, namespace: 'default', ownerReferences: [{...owner}]},
		spec: {nodeSelector: {nowhere: 'true'}, containers: [{name: 'c', image: 'nginx'}]},
	};
}

const exists = (cluster: ReturnType<typeof createCluster>, name: string) => cluster.client.find('pods', name, 'default') !== undefined;

test('dependents of a ConfigMap, of a Node and of an unknown kind: the first two go with their owner, the last stays', t => {
	const cluster = createCluster();
	const cm = cluster.client.create<KubeObject>('configmaps', {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'owner'}, data: {a: 'b'}} as KubeObject, {namespace: 'default'});
	const node = cluster.client.create<KubeObject>('nodes', {apiVersion: 'v1', kind: 'Node', metadata: {name: 'owner-node'}} as KubeObject);
	cluster.client.create('pods', pod('of-configmap', {apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: cm.metadata!.uid!}));
	cluster.client.create('pods', pod('of-node', {apiVersion: 'v1', kind: 'Node', name: 'owner-node', uid: node.metadata!.uid!}));
	cluster.client.create('pods', pod('of-widget', {apiVersion: 'example.com/v1', kind: 'Widget', name: 'w', uid: 'w-uid'}));
	cluster.client.create('pods', pod('of-stale-uid', {apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: 'not-the-owner'}));
	cluster.step(3);
	t.true(exists(cluster, 'of-configmap'));
	t.true(exists(cluster, 'of-node'));
	t.false(exists(cluster, 'of-stale-uid'), 'an owner reference whose uid does not match counts as gone');
	cluster.client.delete('configmaps', 'owner', {namespace: 'default'});
	cluster.client.delete('nodes', 'owner-node');
	cluster.step(3);
	t.false(exists(cluster, 'of-configmap'));
	t.false(exists(cluster, 'of-node'));
	t.true(exists(cluster, 'of-widget'));
	const reasons = cluster.trace.list().filter(e => e.component.endsWith('generic-garbage-collector')).map(e => `${e.name}: ${e.reason}`);
	t.true(reasons.includes('of-configmap: owner ConfigMap/owner is gone'), reasons.join('\n'));
	t.true(reasons.includes('of-node: owner Node/owner-node is gone'), reasons.join('\n'));
});
