// A node that goes silent, on the simulated clock: Unknown after the 50 s grace period, the unreachable taints,
// pods not ready, taint-based eviction 300 s later, replacements elsewhere; and recovery when it comes back.
import test from 'ava';
import {createCluster, nodeStatus, readManifests, type Cluster, type Node, type Pod} from '../../source/cluster/index.js';
import {allRunning, clusterWith, deploymentObject, eventsFor, events, nodeObject, podObject, pods, stepUntil} from '../helpers/cluster.js';

const node = (cluster: Cluster, name: string) => cluster.client.get<Node>('nodes', name);
const condition = (n: Node, type: string) => n.status?.conditions?.find(c => c.type === type);
const taintKeys = (n: Node) => (n.spec?.taints ?? []).map(t => `${t.key}:${t.effect}`).sort();
const on = (cluster: Cluster, nodeName: string) => pods(cluster, 'app=web').filter(p => p.spec?.nodeName === nodeName);

function started(): {cluster: Cluster; victim: string; stoppedAt: number} {
	const cluster = clusterWith([nodeObject('node-1'), nodeObject('node-2'), nodeObject('node-3')]);
	cluster.client.create('deployments', deploymentObject('web', 3));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 3), 60, 'web running');
	const victim = pods(cluster, 'app=web')[0]!.spec!.nodeName!;
	cluster.step(5);
	cluster.run(`stop kubelet/${victim}`);
	return {cluster, victim, stoppedAt: cluster.clock.tick};
}

test('a stopped kubelet: Unknown at about 50 s, taints, pods not ready, evictions at about 350 s, replacements elsewhere', t => {
	const {cluster, victim, stoppedAt} = started();
	const victims = on(cluster, victim).map(p => p.metadata!.name!);
	t.true(victims.length >= 1);

	const unknownAfter = stepUntil(cluster, () => condition(node(cluster, victim), 'Ready')?.status === 'Unknown', 70, 'Ready Unknown');
	t.true(unknownAfter >= 50 && unknownAfter <= 62, `Unknown after ${unknownAfter} s`);
	const silent = node(cluster, victim);
	for (const type of ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure']) {
		t.like(condition(silent, type), {status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.'});
	}
	t.deepEqual(taintKeys(silent), ['node.kubernetes.io/unreachable:NoExecute']);
	cluster.step(1);
	t.deepEqual(taintKeys(node(cluster, victim)), ['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
	t.is(eventsFor(cluster, victim, 'NodeNotReady')[0]?.message, `Node ${victim} status is now: NodeNotReady`);
	for (const name of victims) {
		const pod = cluster.client.get<Pod>('pods', name);
		t.is(condition(pod as never, 'Ready')?.status, 'False');
		t.is(eventsFor(cluster, name, 'NodeNotReady')[0]?.message, 'Node is not ready');
		// The stopped kubelet's containers run on: the pod still says Running.
		t.is(pod.status?.phase, 'Running');
	}

	stepUntil(cluster, () => events(cluster, 'TaintManagerEviction').length > 0, 400, 'eviction');
	const sinceStop = cluster.clock.tick - stoppedAt;
	t.true(sinceStop >= 345 && sinceStop <= 365, `evicted ${sinceStop} s after the kubelet stopped`);
	t.deepEqual(events(cluster, 'TaintManagerEviction').map(e => e.message).sort(), victims.map(n => `Marking for deletion Pod default/${n}`).sort());
	const marked = cluster.client.get<Pod>('pods', victims[0]!);
	t.truthy(marked.metadata?.deletionTimestamp, 'marked for deletion; nobody on the node finishes it');
	t.like(condition(marked as never, 'DisruptionTarget'), {status: 'True', reason: 'DeletionByTaintManager'});

	stepUntil(cluster, () => {
		const live = pods(cluster, 'app=web').filter(p => !p.metadata?.deletionTimestamp);
		return live.length === 3 && live.every(p => p.spec?.nodeName !== victim && p.status?.phase === 'Running');
	}, 60, 'replacements running elsewhere');
	t.pass();
});

test('a kubelet started again: the node recovers, taints go, the evicted pods finish', t => {
	const {cluster, victim} = started();
	cluster.step(360);
	t.is(condition(node(cluster, victim), 'Ready')?.status, 'Unknown');
	t.is(cluster.run(`start kubelet/${victim}`).message, `kubelet/${victim} started`);
	stepUntil(cluster, () => condition(node(cluster, victim), 'Ready')?.status === 'True', 15, 'Ready again');
	stepUntil(cluster, () => taintKeys(node(cluster, victim)).length === 0, 15, 'taints removed');
	t.is(eventsFor(cluster, victim, 'Starting')[0]?.count, 2, 'a restarted kubelet says Starting kubelet. again');
	stepUntil(cluster, () => on(cluster, victim).length === 0, 60, 'evicted pods finished by the kubelet');
	t.true(allRunning(cluster, 'app=web', 3));
});

test('a kubelet back before the tolerations run out: the evictions are cancelled, the pods stay', t => {
	const {cluster, victim} = started();
	const victims = on(cluster, victim).map(p => p.metadata!.name!).sort();
	cluster.step(120);
	t.is(condition(node(cluster, victim), 'Ready')?.status, 'Unknown');
	cluster.run(`start kubelet/${victim}`);
	stepUntil(cluster, () => taintKeys(node(cluster, victim)).length === 0, 20, 'taints removed');
	cluster.step(1);
	t.deepEqual(events(cluster, 'TaintManagerEviction').map(e => e.message).sort(), victims.map(n => `Cancelling deletion of Pod default/${n}`));
	stepUntil(cluster, () => on(cluster, victim).every(p => condition(p as never, 'Ready')?.status === 'True'), 20, 'pods ready again');
	cluster.step(300);
	t.deepEqual(on(cluster, victim).map(p => p.metadata!.name!).sort(), victims);
});

test('a partitioned node: its kubelet runs on but cannot write; heal brings it back', t => {
	const cluster = clusterWith([nodeObject('node-1'), nodeObject('node-2')]);
	cluster.client.create('deployments', deploymentObject('web', 2));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 2), 60, 'web running');
	t.is(cluster.run('partition node-1').message, 'node/node-1 partitioned from the API server');
	t.is(cluster.run('partition node-1').message, 'node/node-1 already partitioned');
	t.is(cluster.components().find(c => c.name === 'kubelet/node-1')?.state, 'partitioned');
	const renewed = cluster.client.get('leases', 'node-1', 'kube-node-lease');
	cluster.step(60);
	t.is(cluster.client.get('leases', 'node-1', 'kube-node-lease').metadata?.resourceVersion, renewed.metadata?.resourceVersion, 'no renewals get through');
	t.is(condition(node(cluster, 'node-1'), 'Ready')?.status, 'Unknown');
	t.is(cluster.run('heal node-1').message, 'node/node-1 healed: it reaches the API server again');
	stepUntil(cluster, () => condition(node(cluster, 'node-1'), 'Ready')?.status === 'True', 15, 'Ready again');
	t.is(eventsFor(cluster, 'node-1', 'NodeReady')[0]?.count, 2, 'the kubelet records NodeReady as Ready comes back');
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 2), 20, 'pods ready again');
	t.is(cluster.run('heal node-1').message, 'node/node-1 is not partitioned');
});

test('stop and start name unknown nodes and components clearly', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.step(1);
	t.throws(() => cluster.run('stop kubelet/nope'), {message: 'Error from server (NotFound): nodes "nope" not found'});
	t.throws(() => cluster.run('partition nope'), {message: 'Error from server (NotFound): nodes "nope" not found'});
	t.throws(() => cluster.run('stop etcd'), {message: /unknown component "etcd": expected one of scheduler, controller-manager, cloud-controller-manager, kubelet\/NODE/});
	t.throws(() => cluster.run('stop'), {message: /USAGE: stop kubelet\/NODE/});
	t.throws(() => cluster.run('stop kubelet'), {message: /name the node/});
	t.is(cluster.run('stop kubelet/node-1').message, 'kubelet/node-1 stopped');
	t.is(cluster.run('stop kubelet/node-1').message, 'kubelet/node-1 already stopped');
	t.is(cluster.components().find(c => c.name === 'kubelet/node-1')?.state, 'stopped');
	t.is(cluster.run('start kubelet/node-1').message, 'kubelet/node-1 started');
	t.is(cluster.run('start kubelet/node-1').message, 'kubelet/node-1 already running');
});

test('the node-failure scenario: worker-1 stopped at tick 10, its pods run on worker-2 and worker-3 by tick 420', t => {
	const cluster = createCluster();
	cluster.kubectl.apply(readManifests('fixtures/scenarios/node-failure.yaml'));
	cluster.step(10);
	cluster.run('stop kubelet/worker-1');
	cluster.step(410);
	const live = pods(cluster, 'app=web').filter(p => !p.metadata?.deletionTimestamp);
	t.is(live.length, 6);
	t.true(live.every(p => p.spec?.nodeName !== 'worker-1' && p.status?.phase === 'Running'));
	t.is(nodeStatus(node(cluster, 'worker-1')), 'NotReady');
});

test('a node whose kubelet reports NotReady gets the not-ready taints, not the unreachable ones', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.step(8); // a monitor pass has seen it Ready
	cluster.run('stop kubelet/node-1');
	// The kubelet's last post says NotReady (as a kubelet whose runtime is down would), then it goes quiet.
	const current = node(cluster, 'node-1');
	const {resourceVersion: _, ...metadata} = current.metadata!;
	const conditions = current.status!.conditions!.map(c => (c.type === 'Ready' ? {...c, status: 'False', reason: 'KubeletNotReady', message: 'container runtime is down', lastHeartbeatTime: cluster.clock.timestamp()} : c));
	cluster.clientFor('system:node:node-1').updateStatus('nodes', {...current, metadata, status: {...current.status, conditions}});
	cluster.step(6);
	t.deepEqual(taintKeys(node(cluster, 'node-1')), ['node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/not-ready:NoSchedule']);
	t.is(eventsFor(cluster, 'node-1', 'NodeNotReady').length, 1);
	// Silent past the grace period: Unknown, and the taints swap to unreachable.
	cluster.step(60);
	t.is(condition(node(cluster, 'node-1'), 'Ready')?.status, 'Unknown');
	t.deepEqual(taintKeys(node(cluster, 'node-1')), ['node.kubernetes.io/unreachable:NoExecute', 'node.kubernetes.io/unreachable:NoSchedule']);
});

test('each pod waits its own tolerationSeconds: 20 s goes early, a toleration without seconds stays for good', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	const unreachable = (tolerationSeconds?: number) => ({key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', ...(tolerationSeconds !== undefined ? {tolerationSeconds} : {})});
	for (const [name, toleration] of [['quick', unreachable(20)], ['stubborn', unreachable()], ['default', undefined]] as const) {
		const pod = podObject(name);
		if (toleration) pod.spec!.tolerations = [toleration];
		cluster.client.create('pods', pod);
	}
	stepUntil(cluster, () => pods(cluster).every(p => p.status?.phase === 'Running'), 30, 'pods running');
	cluster.step(5);
	cluster.run('stop kubelet/node-1');
	const tainted = stepUntil(cluster, () => taintKeys(node(cluster, 'node-1')).includes('node.kubernetes.io/unreachable:NoExecute'), 70, 'tainted');
	const marked = (name: string) => !!cluster.client.get<Pod>('pods', name).metadata?.deletionTimestamp;
	const quick = stepUntil(cluster, () => marked('quick'), 30, 'quick evicted');
	t.true(quick >= 19 && quick <= 22, `quick evicted ${quick} s after the taint (${tainted} s after the stop)`);
	t.false(marked('default'));
	const later = stepUntil(cluster, () => marked('default'), 300, 'default evicted');
	t.true(quick + later >= 299 && quick + later <= 302, `default evicted ${quick + later} s after the taint`);
	cluster.step(600);
	t.false(marked('stubborn'), 'a toleration without tolerationSeconds tolerates forever');
});
