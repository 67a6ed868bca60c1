import test from 'ava';
import {componentName} from '../../source/cluster/index.js';
import {plural} from '../../source/cluster/inspect/tick-summary.js';
import {clusterWith, deploymentObject, nodeObject, stepUntil, allRunning} from '../helpers/cluster.js';

function scaledCluster() {
	const cluster = clusterWith([nodeObject('worker-1'), nodeObject('worker-2')]);
	cluster.client.create('deployments', deploymentObject('web', 2));
	return cluster;
}

test('identities are named as a person names the component', t => {
	t.is(componentName('system:kube-scheduler'), 'kube-scheduler');
	t.is(componentName('system:node:node-2'), 'kubelet@node-2');
	t.is(componentName('system:serviceaccount:kube-system:replicaset-controller'), 'replicaset-controller');
	t.is(componentName('system:serviceaccount:kube-system:generic-garbage-collector'), 'garbage-collector-controller');
	t.is(componentName('system:serviceaccount:kube-system:service-account-controller'), 'serviceaccount-controller');
	t.is(componentName('kubernetes-admin'), 'kubectl (you)');
	t.is(componentName('someone-else'), 'someone-else');
});

test('one hop per tick: the trace of each tick is grouped by component and reads as sentences', t => {
	const cluster = scaledCluster();
	cluster.step(); // tick 1: the deployment controller creates the ReplicaSet
	const tick1 = cluster.inspect.trace();
	t.is(tick1.tick, 1);
	const deployment = tick1.groups.find(g => g.component === 'deployment-controller')!;
	t.truthy(deployment);
	t.regex(deployment.lines[0]!.text, /^created replicaset default\/web-[a-z0-9]+$/);
	t.is(deployment.lines[0]!.object.resource, 'replicasets');
	t.true(deployment.lines.some(l => /^scaled up replica set web-[a-z0-9]+ to 2$/.test(l.text)), 'the ScalingReplicaSet event as its message');

	cluster.step(); // tick 2: the ReplicaSet controller creates the pods
	const rs = cluster.inspect.trace().groups.find(g => g.component === 'replicaset-controller')!;
	const created = rs.lines.filter(l => l.action === 'created' && l.noun === 'pod');
	t.is(created.length, 2);
	t.regex(created[0]!.text, /^created pod default\/web-[a-z0-9]+-[a-z0-9]{5}$/);
	t.false(rs.lines.some(l => l.text.startsWith('created pod:')), 'SuccessfulCreate restates the create and gets no line');

	cluster.step(); // tick 3: the scheduler binds them
	const scheduler = cluster.inspect.trace().groups.find(g => g.component === 'kube-scheduler')!;
	const bound = scheduler.lines.filter(l => l.action === 'bound');
	t.is(bound.length, 2);
	t.regex(bound[0]!.text, /^bound default\/web-\S+ to worker-[12]$/);
	t.deepEqual(bound[0]!.object, {resource: 'pods', namespace: 'default', name: bound[0]!.text.split(' ')[1]!.split('/')[1]!});
	t.regex(bound[0]!.why!, /^best of 2 feasible node\(s\), score \d+$/);
	t.regex(cluster.inspect.summary(), /^tick 3: .*kube-scheduler bound 2 pods/);

	stepUntil(cluster, () => allRunning(cluster, 'app=web', 2), 20);
	// Somewhere in history a kubelet started the container, and the line points at the pod.
	let started;
	for (let tick = cluster.clock.tick; tick > 3 && !started; tick--) {
		started = cluster.inspect.trace(tick).groups.flatMap(g => g.lines).find(l => l.text === 'started container web');
	}
	t.truthy(started);
	t.regex(started!.component, /^kubelet@worker-[12]$/);
	t.is(started!.object.resource, 'pods');
});

test('kubectl writes are yours, and the summary counts what each component did', t => {
	const cluster = scaledCluster();
	cluster.step(3);
	cluster.run('scale deployment/web --replicas=3');
	const mine = cluster.inspect.trace().groups.find(g => g.component === 'kubectl (you)')!;
	t.is(mine.lines[0]!.text, 'scaled deployment default/web');
	t.is(mine.lines[0]!.why, 'kubectl scale --replicas=3');
	t.true(cluster.inspect.summary().includes('kubectl (you) scaled 1 deployment'));
});

test('earlier ticks stay readable while kept; ticks outside history are refused with the range', t => {
	const cluster = scaledCluster();
	cluster.step(4);
	t.is(cluster.inspect.trace(2).tick, 2);
	t.is(cluster.inspect.trace(0).tick, 0, 'tick 0: what was written before the first tick');
	t.deepEqual(cluster.inspect.history(), {oldest: 0, newest: 4});
	t.throws(() => cluster.inspect.trace(5), {message: 'tick 5 is not in history: ticks 0-4 are kept'});
	t.throws(() => cluster.inspect.trace(-1), {message: 'tick -1 is not in history: ticks 0-4 are kept'});
	t.throws(() => cluster.inspect.trace(1.5), {message: /not in history/});
});

test('after compaction the oldest kept tick moves forward and lines still read', t => {
	const cluster = clusterWith([nodeObject('worker-1')], {historyWindowSeconds: 300});
	cluster.client.create('deployments', deploymentObject('web', 1));
	cluster.step(700);
	const {oldest, newest} = cluster.inspect.history();
	t.true(oldest > 0, `oldest ${oldest}`);
	t.is(newest, 700);
	t.notThrows(() => cluster.inspect.trace(oldest));
	t.throws(() => cluster.inspect.trace(oldest - 1), {message: /not in history/});
});

test('a quiet tick says so', t => {
	const cluster = clusterWith([]);
	cluster.step(2);
	t.is(cluster.inspect.summary(), 'tick 2: no writes');
});

test('plurals of the summary nouns', t => {
	t.is(plural('pod', 1), 'pod');
	t.is(plural('pod', 2), 'pods');
	t.is(plural('pod status', 3), 'pod statuses');
	t.is(plural('replica set', 2), 'replica sets');
	t.is(plural('priority', 2), 'priorities');
});
