import test from 'ava';
import type {Node} from '../../source/cluster/index.js';
import {clusterWith, nodeObject} from '../helpers/cluster.js';

test('a registering kubelet adds the well-known node labels and keeps the manifest\'s own', t => {
	const cluster = clusterWith([nodeObject('node-1', {labels: {'kubernetes.io/os': 'windows', team: 'a'}})]);
	cluster.step();
	const labels = cluster.client.get<Node>('nodes', 'node-1').metadata!.labels!;
	t.like(labels, {'kubernetes.io/hostname': 'node-1', 'kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', 'kubernetes.io/os': 'windows', team: 'a'});
	const writes = cluster.trace.list().filter(e => e.component === 'system:node:node-1' && e.resource === 'nodes');
	t.is(writes.length, 1);
	t.is(writes[0]!.verb, 'patch');
});
