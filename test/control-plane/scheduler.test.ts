import test from 'ava';
import {nodeStatus, type Node, type Pod} from '../../source/cluster/index.js';
import {failedSchedulingMessage} from '../../source/cluster/control-plane/scheduler/scheduler.js';
import {
	allRunning, clusterWith, deploymentObject, events, eventsFor, nodeObject, podObject, pods, stepUntil,
} from '../helpers/cluster.js';

const unbound = (list: Pod[]) => list.filter(p => !p.spec!.nodeName);

test('cordon: STATUS Ready,SchedulingDisabled, the unschedulable taint, a NodeNotSchedulable event, and no new pods there', t => {
	const cluster = clusterWith([nodeObject('worker-1'), nodeObject('worker-2'), nodeObject('worker-3')]);
	cluster.client.create('deployments', deploymentObject('web', 3));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 3), 20);

	t.is(cluster.run('cordon worker-1').message, 'node/worker-1 cordoned');
	const cordoned = cluster.client.get<Node>('nodes', 'worker-1');
	t.true(cordoned.spec!.unschedulable);
	t.is(nodeStatus(cordoned), 'Ready,SchedulingDisabled');
	t.is(nodeStatus(cluster.client.get<Node>('nodes', 'worker-2')), 'Ready');

	cluster.step();
	const taints = cluster.client.get<Node>('nodes', 'worker-1').spec!.taints ?? [];
	t.deepEqual(taints.map(x => `${x.key}:${x.effect}`), ['node.kubernetes.io/unschedulable:NoSchedule']);
	t.is(taints[0]!.timeAdded, cluster.clock.timestamp());
	const notSchedulable = eventsFor(cluster, 'worker-1', 'NodeNotSchedulable');
	t.deepEqual(notSchedulable.map(e => e.message), ['Node worker-1 status is now: NodeNotSchedulable']);
	t.is(notSchedulable[0]!.source?.component, 'kubelet');

	const onWorker1 = pods(cluster, 'app=web').filter(p => p.spec!.nodeName === 'worker-1').length;
	cluster.run('scale deployment/web --replicas=9');
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 9), 25);
	// The pods that were there stay; none of the six new ones lands there.
	t.is(pods(cluster, 'app=web').filter(p => p.spec!.nodeName === 'worker-1').length, onWorker1);

	t.is(cluster.run('uncordon worker-1').message, 'node/worker-1 uncordoned');
	cluster.step(2);
	const uncordoned = cluster.client.get<Node>('nodes', 'worker-1');
	t.is(nodeStatus(uncordoned), 'Ready');
	t.deepEqual(uncordoned.spec!.taints ?? [], []);
	t.deepEqual(eventsFor(cluster, 'worker-1', 'NodeSchedulable').map(e => e.message), ['Node worker-1 status is now: NodeSchedulable']);
});

test('FailedScheduling names every reason with counts, and the pod is scheduled once the node is uncordoned', t => {
	// Three small workers and one big cordoned one: a 2-cpu pod fits only on the cordoned node.
	const cluster = clusterWith([
		nodeObject('big', {cpu: '8'}),
		nodeObject('small-1', {cpu: '1'}),
		nodeObject('small-2', {cpu: '1'}),
		nodeObject('small-3', {cpu: '1'}),
	]);
	cluster.run('cordon big');
	cluster.client.create('deployments', deploymentObject('heavy', 1, {cpu: '2'}));
	stepUntil(cluster, () => eventsFor(cluster, pods(cluster, 'app=heavy')[0]?.metadata?.name ?? '-', 'FailedScheduling').length > 0, 10);
	const pod = pods(cluster, 'app=heavy')[0]!;
	const [failed] = eventsFor(cluster, pod.metadata!.name!, 'FailedScheduling');
	t.is(failed!.message, '0/4 nodes are available: 1 node(s) were unschedulable, 3 Insufficient cpu.');
	t.is(failed!.type, 'Warning');
	t.is(failed!.source?.component, 'default-scheduler');
	cluster.step();
	const condition = cluster.client.get<Pod>('pods', pod.metadata!.name!).status!.conditions!.find(c => c.type === 'PodScheduled');
	t.like(condition, {status: 'False', reason: 'Unschedulable', message: '0/4 nodes are available: 1 node(s) were unschedulable, 3 Insufficient cpu.'});

	// It waits as long as nothing changes...
	cluster.step(15);
	t.is(cluster.client.get<Pod>('pods', pod.metadata!.name!).spec!.nodeName, undefined);
	// ...and is placed once room appears.
	cluster.run('uncordon big');
	stepUntil(cluster, () => cluster.client.get<Pod>('pods', pod.metadata!.name!).spec!.nodeName !== undefined, 15, 'scheduled after uncordon');
	t.is(cluster.client.get<Pod>('pods', pod.metadata!.name!).spec!.nodeName, 'big');
	stepUntil(cluster, () => allRunning(cluster, 'app=heavy', 1), 20);
});

test('a pending pod is scheduled when another workload scales down and frees room', t => {
	const cluster = clusterWith([nodeObject('node-1', {cpu: '2'}), nodeObject('node-2', {cpu: '2'})]);
	cluster.client.create('deployments', deploymentObject('filler', 4, {cpu: '1'}));
	stepUntil(cluster, () => allRunning(cluster, 'app=filler', 4), 20);
	cluster.client.create('deployments', deploymentObject('late', 1, {cpu: '1'}));
	stepUntil(cluster, () => events(cluster, 'FailedScheduling').length > 0, 10);
	t.is(events(cluster, 'FailedScheduling')[0]!.message, '0/2 nodes are available: 2 Insufficient cpu.');
	cluster.step(12);
	t.is(unbound(pods(cluster, 'app=late')).length, 1);

	cluster.run('scale deployment/filler --replicas=3');
	stepUntil(cluster, () => allRunning(cluster, 'app=late', 1), 30, 'late pod running');
	t.is(pods(cluster, 'app=filler').length, 3);
});

test('Too many pods, Insufficient memory and untolerated taints are reported like upstream', t => {
	const cluster = clusterWith([
		nodeObject('control-plane', {taints: [{key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule'}]}),
		nodeObject('tiny', {pods: '1', memory: '1Gi'}),
	]);
	cluster.client.create('pods', podObject('first'));
	stepUntil(cluster, () => cluster.client.get<Pod>('pods', 'first').spec!.nodeName !== undefined, 5);
	// Only one node without a taint, and it allows one pod.
	t.is(cluster.client.get<Pod>('pods', 'first').spec!.nodeName, 'tiny');
	cluster.client.create('pods', podObject('second'));
	const big = podObject('big-memory');
	big.spec!.containers[0]!.resources = {requests: {memory: '2Gi'}};
	cluster.client.create('pods', big);
	stepUntil(cluster, () => eventsFor(cluster, 'second', 'FailedScheduling').length > 0 && eventsFor(cluster, 'big-memory', 'FailedScheduling').length > 0, 5);
	t.is(eventsFor(cluster, 'second', 'FailedScheduling')[0]!.message, '0/2 nodes are available: 1 Too many pods, 1 node(s) had untolerated taint(s).');
	t.is(eventsFor(cluster, 'big-memory', 'FailedScheduling')[0]!.message, '0/2 nodes are available: 1 Insufficient memory, 1 Too many pods, 1 node(s) had untolerated taint(s).');
});

test('Insufficient memory on its own', t => {
	const cluster = clusterWith([nodeObject('node-1', {memory: '1Gi'})]);
	const big = podObject('big');
	big.spec!.containers[0]!.resources = {requests: {memory: '1536Mi'}};
	cluster.client.create('pods', big);
	const fits = podObject('fits');
	fits.spec!.containers[0]!.resources = {requests: {memory: '512Mi'}};
	cluster.client.create('pods', fits);
	cluster.step(2);
	t.is(eventsFor(cluster, 'big', 'FailedScheduling')[0]?.message, '0/1 nodes are available: 1 Insufficient memory.');
	t.is(cluster.client.get<Pod>('pods', 'fits').spec!.nodeName, 'node-1');
});

test('a pod that tolerates the control-plane taint may go there', t => {
	const cluster = clusterWith([
		nodeObject('control-plane', {taints: [{key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule'}]}),
		nodeObject('full', {pods: '0'}),
	]);
	const tolerant = podObject('tolerant');
	tolerant.spec!.tolerations = [{key: 'node-role.kubernetes.io/control-plane', operator: 'Exists', effect: 'NoSchedule'}];
	cluster.client.create('pods', tolerant);
	cluster.client.create('pods', podObject('intolerant'));
	cluster.step(3);
	t.is(cluster.client.get<Pod>('pods', 'tolerant').spec!.nodeName, 'control-plane');
	t.is(cluster.client.get<Pod>('pods', 'intolerant').spec!.nodeName, undefined);
	t.is(eventsFor(cluster, 'intolerant', 'FailedScheduling')[0]!.message, '0/2 nodes are available: 1 Too many pods, 1 node(s) had untolerated taint(s).');
});

test('nodeSelector: a pod goes only to a node with the label', t => {
	const cluster = clusterWith([nodeObject('a', {labels: {disk: 'hdd'}}), nodeObject('b', {labels: {disk: 'ssd'}})]);
	const pod = podObject('fast');
	pod.spec!.nodeSelector = {disk: 'ssd'};
	cluster.client.create('pods', pod);
	const lost = podObject('lost');
	lost.spec!.nodeSelector = {disk: 'tape'};
	cluster.client.create('pods', lost);
	cluster.step(2);
	t.is(cluster.client.get<Pod>('pods', 'fast').spec!.nodeName, 'b');
	t.is(eventsFor(cluster, 'lost', 'FailedScheduling')[0]!.message, "0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector.");
});

test('a repeated FailedScheduling bumps count instead of adding an Event', t => {
	const cluster = clusterWith([nodeObject('node-1', {cpu: '1'})]);
	cluster.client.create('pods', podObject('hungry', {cpu: '2'}));
	stepUntil(cluster, () => eventsFor(cluster, 'hungry', 'FailedScheduling').length > 0, 5);
	const [first] = eventsFor(cluster, 'hungry', 'FailedScheduling');
	t.is(first!.count, 1);
	// Cluster changes that do not help: the scheduler retries and fails the same way.
	for (let i = 0; i < 3; i++) {
		cluster.client.patch('nodes', 'node-1', {metadata: {labels: {round: String(i)}}});
		cluster.step(12);
	}
	const after = eventsFor(cluster, 'hungry', 'FailedScheduling');
	t.is(after.length, 1);
	t.is(after[0]!.metadata!.name, first!.metadata!.name);
	t.true(after[0]!.count! >= 3, `count ${after[0]!.count}`);
	t.is(after[0]!.firstTimestamp, first!.firstTimestamp);
	t.true(after[0]!.lastTimestamp! > first!.lastTimestamp!);
	t.is(after[0]!.message, '0/1 nodes are available: 1 Insufficient cpu.');
});

test('no nodes at all: the scheduler says so', t => {
	const cluster = clusterWith([]);
	cluster.client.create('pods', podObject('p'));
	cluster.step(2);
	t.is(eventsFor(cluster, 'p', 'FailedScheduling')[0]?.message, 'no nodes available to schedule pods');
});

test('failedSchedulingMessage sorts "count reason" strings and ends with a period', t => {
	const reasons = new Map<string, string[]>([
		['a', ['Insufficient cpu']],
		['b', ['Insufficient cpu', 'Insufficient memory']],
		['c', ['node(s) were unschedulable']],
		['d', ['Too many pods']],
	]);
	t.is(failedSchedulingMessage(4, reasons), '0/4 nodes are available: 1 Insufficient memory, 1 Too many pods, 1 node(s) were unschedulable, 2 Insufficient cpu.');
	t.is(failedSchedulingMessage(2, new Map()), '0/2 nodes are available.');
});

test('pods spread over equal nodes and the scheduler never overcommits a node within one pass', t => {
	const cluster = clusterWith([nodeObject('n1', {cpu: '1'}), nodeObject('n2', {cpu: '1'}), nodeObject('n3', {cpu: '1'})]);
	cluster.client.create('deployments', deploymentObject('web', 5, {cpu: '400m'}));
	cluster.step(4);
	const perNode = new Map<string, number>();
	for (const p of pods(cluster, 'app=web')) if (p.spec!.nodeName) perNode.set(p.spec!.nodeName, (perNode.get(p.spec!.nodeName) ?? 0) + 1);
	t.is([...perNode.values()].reduce((a, b) => a + b, 0), 5);
	t.true([...perNode.values()].every(n => n <= 2), JSON.stringify([...perNode]));
	cluster.run('scale deployment/web --replicas=7');
	cluster.step(4);
	t.is(unbound(pods(cluster, 'app=web')).length, 1);
	t.is(events(cluster, 'FailedScheduling')[0]!.message, '0/3 nodes are available: 3 Insufficient cpu.');
});

// Upstream: pods unschedulable for over podMaxInUnschedulablePodsDuration (5 min) are retried
// (flushUnschedulablePodsLeftover, every 30 s) even when nothing in the cluster changed.
test('an unschedulable pod in a quiet cluster is retried after 5 minutes', t => {
	const cluster = clusterWith([nodeObject('node-1', {cpu: '1'})], {tickSeconds: 30});
	cluster.client.create('pods', podObject('stuck', {cpu: '2'}));
	cluster.step(4); // node registration settles; the pod has failed at least once
	const count = () => eventsFor(cluster, 'stuck', 'FailedScheduling')[0]?.count ?? 0;
	const before = count();
	t.true(before >= 1);
	cluster.step(13); // 6.5 minutes with no cluster change
	t.true(count() > before, `count stayed ${count()}`);
});
