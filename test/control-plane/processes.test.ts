// `stop scheduler`, `stop controller-manager` and their starts: a stopped process does nothing and says so.
import test from 'ava';
import {allRunning, clusterWith, deploymentObject, nodeObject, podObject, pods} from '../helpers/cluster.js';

test('a stopped scheduler binds nothing until started; its status says stopped', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.step(1);
	t.is(cluster.run('stop scheduler').message, 'scheduler stopped');
	t.is(cluster.run('stop scheduler').message, 'scheduler already stopped');
	t.deepEqual(cluster.components().filter(c => c.process === 'scheduler').map(c => c.state), ['stopped']);
	cluster.client.create('pods', podObject('lonely'));
	cluster.step(20);
	t.is(cluster.client.get<{spec?: {nodeName?: string}}>('pods', 'lonely').spec?.nodeName, undefined);
	t.is(cluster.run('start scheduler').message, 'scheduler started');
	cluster.step(2);
	t.is(cluster.client.get<{spec?: {nodeName?: string}}>('pods', 'lonely').spec?.nodeName, 'node-1');
	t.is(cluster.run('start scheduler').message, 'scheduler already running');
});

test('a stopped controller manager: no controller acts; started, they catch up', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.step(1);
	cluster.run('stop controller-manager');
	const states = cluster.components().filter(c => c.process === 'controller-manager').map(c => c.state);
	t.true(states.length >= 8 && states.every(s => s === 'stopped'), states.join(','));
	t.is(cluster.components().find(c => c.process === 'scheduler')?.state, 'idle');
	cluster.client.create('deployments', deploymentObject('web', 2));
	cluster.step(20);
	t.is(cluster.client.list('replicasets').items.length, 0);
	t.is(cluster.run('start controller-manager').message, 'controller-manager started');
	cluster.step(20);
	t.true(allRunning(cluster, 'app=web', 2));
	t.is(pods(cluster, 'app=web').length, 2);
});

test('a process the cluster does not run is named in the error', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	t.throws(() => cluster.run('stop cloud-controller-manager'), {message: 'error: there is no cloud-controller-manager in this cluster'});
	t.throws(() => cluster.run('start kube-proxy'), {message: /unknown component "kube-proxy"/});
});

test('a restarted controller manager gives silent nodes a fresh grace period, as upstream\'s empty node health map', t => {
	const cluster = clusterWith([nodeObject('node-1'), nodeObject('node-2')]);
	cluster.step(5);
	cluster.run('stop controller-manager');
	cluster.run('stop kubelet/node-1');
	cluster.step(100);
	const ready = () => cluster.client.get<{status?: {conditions?: Array<{type: string; status: string}>}}>('nodes', 'node-1').status?.conditions?.find(c => c.type === 'Ready')?.status;
	t.is(ready(), 'True', 'nobody marks it while the controller manager is stopped');
	cluster.run('start controller-manager');
	cluster.step(45);
	t.is(ready(), 'True', 'within the fresh 50 s grace period');
	cluster.step(15);
	t.is(ready(), 'Unknown');
});
