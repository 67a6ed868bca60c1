import test from 'ava';
import type {Deployment, ReplicaSet} from '../../source/cluster/index.js';
import {clusterWith, deploymentObject, eventsFor, nodeObject, podStatus, pods, replicaSets, stepUntil, allRunning} from '../helpers/cluster.js';

const replicas = 4;

test('one hop per tick: ReplicaSet, then pods, then bindings, then the kubelets start pulling', t => {
	const cluster = clusterWith([nodeObject('node-1'), nodeObject('node-2')]);
	cluster.client.create('deployments', deploymentObject('web', replicas));
	t.is(cluster.clock.tick, 0);
	t.is(replicaSets(cluster).length, 0);

	// Tick 1: the deployment controller creates the ReplicaSet; nothing else has seen it yet.
	cluster.step();
	t.is(cluster.clock.tick, 1);
	const [rs] = replicaSets(cluster);
	t.truthy(rs);
	t.is(rs!.spec!.replicas, replicas);
	t.is(pods(cluster).length, 0);
	t.is(eventsFor(cluster, 'web', 'ScalingReplicaSet')[0]?.message, `Scaled up replica set ${rs!.metadata!.name} to ${replicas}`);

	// Tick 2: the ReplicaSet controller creates the pods, unbound.
	cluster.step();
	let list = pods(cluster, 'app=web');
	t.is(list.length, replicas);
	t.true(list.every(p => p.spec!.nodeName === undefined));
	t.true(list.every(p => podStatus(p) === 'Pending'));
	t.is(eventsFor(cluster, rs!.metadata!.name!, 'SuccessfulCreate').length, replicas);

	// Tick 3: the scheduler binds them.
	cluster.step();
	list = pods(cluster, 'app=web');
	t.true(list.every(p => p.spec!.nodeName === 'node-1' || p.spec!.nodeName === 'node-2'), JSON.stringify(list.map(p => p.spec!.nodeName)));
	t.true(list.every(p => podStatus(p) === 'Pending'));
	for (const pod of list) {
		t.is(eventsFor(cluster, pod.metadata!.name!, 'Scheduled')[0]?.message, `Successfully assigned default/${pod.metadata!.name} to ${pod.spec!.nodeName}`);
		t.is(eventsFor(cluster, pod.metadata!.name!, 'Pulling').length, 0);
	}

	// Tick 4: the kubelets see their pods: ContainerCreating, and a Pulling event.
	cluster.step();
	list = pods(cluster, 'app=web');
	for (const pod of list) {
		t.is(podStatus(pod), 'ContainerCreating');
		t.is(pod.status!.phase, 'Pending');
		t.truthy(pod.status!.podIP);
		t.is(eventsFor(cluster, pod.metadata!.name!, 'Pulling')[0]?.message, 'Pulling image "nginx:1.27"');
	}

	// Later: Running and Ready, then the deployment reports them available.
	stepUntil(cluster, () => allRunning(cluster, 'app=web', replicas), 20, 'pods running');
	for (const pod of pods(cluster, 'app=web')) {
		const reasons = eventsFor(cluster, pod.metadata!.name!).map(e => e.reason);
		t.deepEqual(reasons.filter(r => r !== 'Scheduled'), ['Pulling', 'Pulled', 'Created', 'Started']);
		t.is(pod.status!.phase, 'Running');
		t.is(pod.status!.containerStatuses![0]!.ready, true);
	}
	stepUntil(cluster, () => cluster.client.get<Deployment>('deployments', 'web').status?.availableReplicas === replicas, 5, 'deployment available');
	const d = cluster.client.get<Deployment>('deployments', 'web');
	t.is(d.status!.readyReplicas, replicas);
	t.is(d.status!.updatedReplicas, replicas);
	t.is(d.status!.observedGeneration, d.metadata!.generation);
	t.is(d.status!.conditions!.find(c => c.type === 'Available')?.status, 'True');
	const finalRS = cluster.client.get<ReplicaSet>('replicasets', rs!.metadata!.name!);
	t.is(finalRS.status!.availableReplicas, replicas);
});

test('a user write between ticks is seen by the controllers only at the next tick', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('deployments', deploymentObject('web', 2));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 2), 20);
	cluster.step(2);
	const [rs] = replicaSets(cluster);
	const before = cluster.trace.size;

	cluster.client.updateScale('deployments', 'web', 3);
	// Nothing reacts until the next tick.
	t.is(cluster.trace.size, before + 1);
	t.is(cluster.client.get<ReplicaSet>('replicasets', rs!.metadata!.name!).spec!.replicas, 2);

	cluster.step();
	t.is(cluster.client.get<ReplicaSet>('replicasets', rs!.metadata!.name!).spec!.replicas, 3);
	t.is(pods(cluster, 'app=web').length, 2);
	t.true(cluster.trace.list({tick: cluster.clock.tick}).some(e => e.component === 'system:serviceaccount:kube-system:deployment-controller' && e.resource === 'replicasets'));
	t.false(cluster.trace.list({tick: cluster.clock.tick}).some(e => e.resource === 'pods'));

	cluster.step();
	t.is(pods(cluster, 'app=web').length, 3);
});

test('components() lists the controllers, the scheduler and one kubelet and one kube-proxy per node, idle after a quiet tick', t => {
	const cluster = clusterWith([nodeObject('node-b'), nodeObject('node-a'), nodeObject('node-c')]);
	cluster.client.create('deployments', deploymentObject('web', 2));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 2), 20);
	cluster.step(3);
	const components = cluster.components();
	const byName = new Map(components.map(c => [c.name, c]));
	for (const name of ['deployment-controller', 'replicaset-controller', 'garbage-collector', 'node-lifecycle-controller', 'kube-scheduler']) {
		t.true(byName.has(name), name);
	}
	t.deepEqual(components.filter(c => c.name.startsWith('kubelet/')).map(c => c.name), ['kubelet/node-a', 'kubelet/node-b', 'kubelet/node-c']);
	t.is(byName.get('kube-scheduler')!.identity, 'system:kube-scheduler');
	t.is(byName.get('kubelet/node-a')!.identity, 'system:node:node-a');
	t.is(byName.get('deployment-controller')!.identity, 'system:serviceaccount:kube-system:deployment-controller');
	for (const c of components) {
		t.is(c.state, 'idle', c.name);
		t.is(c.failures, 0, c.name);
		t.is(c.queue, 0, c.name);
	}
	t.true(byName.get('deployment-controller')!.passes > 0);
	t.true(byName.get('kube-scheduler')!.passes > 0);
	// Control-plane components run before the kubelets.
	const firstKubelet = components.findIndex(c => c.name.startsWith('kubelet/'));
	t.true(components.slice(0, firstKubelet).every(c => !c.name.startsWith('kubelet/')));
	t.deepEqual(components.slice(firstKubelet).map(c => c.name), ['kubelet/node-a', 'kube-proxy/node-a', 'kubelet/node-b', 'kube-proxy/node-b', 'kubelet/node-c', 'kube-proxy/node-c']);
	t.is(byName.get('kube-proxy/node-a')!.identity, 'system:serviceaccount:kube-system:kube-proxy');
});

test('a node added later gets a kubelet at the next tick, with a pod CIDR and Ready status', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.step(2);
	t.is(cluster.components().filter(c => c.name.startsWith('kubelet/')).length, 1);
	cluster.client.create('nodes', nodeObject('node-2'));
	t.is(cluster.components().filter(c => c.name.startsWith('kubelet/')).length, 1);
	cluster.step();
	t.deepEqual(cluster.components().filter(c => c.name.startsWith('kubelet/')).map(c => c.name), ['kubelet/node-1', 'kubelet/node-2']);
	cluster.step();
	const node = cluster.client.get('nodes', 'node-2') as any;
	t.is(node.status.conditions.find((c: any) => c.type === 'Ready')?.status, 'True');
	t.regex(node.spec.podCIDR, /^10\.244\.\d+\.0\/24$/);
	t.not(node.spec.podCIDR, (cluster.client.get('nodes', 'node-1') as any).spec.podCIDR);
});

test('subscribers hear about every step and command', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('deployments', deploymentObject('web', 1));
	let calls = 0;
	const unsubscribe = cluster.subscribe(() => calls++);
	cluster.step();
	cluster.step(3);
	t.is(calls, 2);
	cluster.run('scale deployment/web --replicas=2');
	t.is(calls, 3);
	unsubscribe();
	cluster.step();
	t.is(calls, 3);
});
