import test from 'ava';
import {createCluster, type Cluster, type Pod} from '../../source/cluster/index.js';
import {deploymentObject, nodeObject, names} from '../helpers/cluster.js';

const resources = ['namespaces', 'nodes', 'deployments', 'replicasets', 'pods', 'events'];

/** The same script on a fresh cluster: nodes, two deployments (one too big to fit everywhere), commands at fixed ticks. */
function scripted(seed: number): Cluster {
	const cluster = createCluster({seed});
	for (const name of ['node-1', 'node-2', 'node-3']) cluster.client.create('nodes', nodeObject(name, {cpu: '2'}));
	cluster.client.create('deployments', deploymentObject('web', 3, {cpu: '250m'}));
	cluster.client.create('deployments', deploymentObject('batch', 4, {cpu: '1500m', image: 'busybox:1.36'}));
	for (let tick = 1; tick <= 30; tick++) {
		cluster.step();
		if (tick === 8) cluster.run('scale deployment/web --replicas=5');
		if (tick === 12) cluster.run('cordon node-2');
		if (tick === 15) {
			const victim = cluster.client.list<Pod>('pods', {labelSelector: 'app=web'}).items[0]!;
			cluster.run(`delete pod/${victim.metadata!.name}`);
		}
		if (tick === 20) cluster.run('uncordon node-2');
	}
	return cluster;
}

const dump = (cluster: Cluster) => JSON.stringify(resources.map(r => cluster.client.list(r).items));

test('same seed, same objects, same commands at the same ticks: byte-identical objects and trace', t => {
	const a = scripted(7);
	const b = scripted(7);
	const dumpA = dump(a);
	t.true(dumpA.length > 10_000);
	t.is(dumpA, dump(b));
	t.is(JSON.stringify(a.trace.list()), JSON.stringify(b.trace.list()));
	t.true(a.trace.size > 100);
	t.is(a.api.revision, b.api.revision);
});

test('a different seed gives different pod names and uids', t => {
	const a = scripted(1);
	const b = scripted(2);
	const podsA = names(a.client.list('pods').items);
	const podsB = names(b.client.list('pods').items);
	t.is(podsA.length, podsB.length);
	t.notDeepEqual(podsA, podsB);
	t.not(a.client.get('nodes', 'node-1').metadata!.uid, b.client.get('nodes', 'node-1').metadata!.uid);
	// ReplicaSet names come from the pod-template-hash, not from the seed.
	t.deepEqual(names(a.client.list('replicasets').items), names(b.client.list('replicasets').items));
});

test('the default seed is 1', t => {
	const implicit = createCluster();
	const explicit = createCluster({seed: 1});
	for (const c of [implicit, explicit]) {
		c.client.create('nodes', nodeObject('n'));
		c.client.create('deployments', deploymentObject('web', 2));
		c.step(6);
	}
	t.is(implicit.seed, 1);
	t.is(dump(implicit), dump(explicit));
});
