import test from 'ava';
import type {Lease, Node} from '../../source/cluster/index.js';
import {clusterWith, nodeObject} from '../helpers/cluster.js';

const lease = (cluster: ReturnType<typeof clusterWith>, name: string) => cluster.client.find<Lease>('leases', name, 'kube-node-lease');
const ready = (node: Node) => node.status?.conditions?.find(c => c.type === 'Ready');

test('a kubelet creates its node lease, owned by the Node, and renews it every 10 s', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.step(1);
	const first = lease(cluster, 'node-1')!;
	t.truthy(first);
	t.is(first.spec?.holderIdentity, 'node-1');
	t.is(first.spec?.leaseDurationSeconds, 40);
	const node = cluster.client.get<Node>('nodes', 'node-1');
	t.deepEqual(first.metadata?.ownerReferences, [{apiVersion: 'v1', kind: 'Node', name: 'node-1', uid: node.metadata!.uid!}]);
	t.is(first.spec?.renewTime, '2026-01-01T00:00:01.000000Z');
	cluster.step(9);
	t.is(lease(cluster, 'node-1')!.spec?.renewTime, '2026-01-01T00:00:01.000000Z');
	cluster.step(1);
	const renewed = lease(cluster, 'node-1')!;
	t.is(renewed.spec?.renewTime, '2026-01-01T00:00:11.000000Z');
	// Updated, never created again: one lease, the same uid.
	t.is(renewed.metadata?.uid, first.metadata?.uid);
	t.is(cluster.client.list('leases', {namespace: 'kube-node-lease'}).items.length, 1);
});

test('node status is reported every 5 minutes when nothing changed (the lease carries the 10 s heartbeat)', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.step(1);
	const registered = ready(cluster.client.get<Node>('nodes', 'node-1'))!;
	t.is(registered.lastHeartbeatTime, '2026-01-01T00:00:01Z');
	cluster.step(299);
	t.is(ready(cluster.client.get<Node>('nodes', 'node-1'))!.lastHeartbeatTime, '2026-01-01T00:00:01Z');
	cluster.step(10);
	const reported = ready(cluster.client.get<Node>('nodes', 'node-1'))!;
	t.is(reported.lastHeartbeatTime, '2026-01-01T00:05:01Z');
	t.is(reported.lastTransitionTime, '2026-01-01T00:00:01Z');
});

test('nodes report v1.32', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.step(1);
	const info = cluster.client.get<Node>('nodes', 'node-1').status!.nodeInfo!;
	t.regex(info.kubeletVersion, /^v1\.32\.\d+$/);
	t.regex(info.kubeProxyVersion!, /^v1\.32\.\d+$/);
});

test('a lease deleted by hand is created again at the next renewal', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.step(1);
	cluster.client.delete('leases', 'node-1', {namespace: 'kube-node-lease'});
	cluster.step(10);
	t.falsy(lease(cluster, 'node-1'), 'the failed renewal forgets the lease');
	cluster.step(10);
	t.truthy(lease(cluster, 'node-1'));
});
