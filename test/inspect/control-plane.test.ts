import test from 'ava';
import {clusterWith, deploymentObject, nodeObject, stepUntil, allRunning} from '../helpers/cluster.js';

test('the control plane: apiserver, etcd, scheduler queues, each controller and each kubelet with its last tick', t => {
	const cluster = clusterWith([nodeObject('worker-1'), nodeObject('worker-2')]);
	cluster.client.create('deployments', deploymentObject('web', 3));
	cluster.step(3); // tick 3: the scheduler binds the three pods
	const cp = cluster.inspect.controlPlane();
	t.is(cp.tick, 3);
	t.is(cp.scheduler!.bound, 3);
	t.is(cp.scheduler!.name, 'kube-scheduler');
	t.deepEqual([cp.scheduler!.active, cp.scheduler!.backoff, cp.scheduler!.unschedulable], [0, 0, 0]);
	t.is(cp.apiserver.writes, cluster.trace.list().filter(e => e.tick === 3).length);
	t.true(cp.apiserver.watchers > 0);
	t.is(cp.etcd.revision, cluster.api.revision);
	t.is(cp.etcd.keys.find(k => k.resource === 'pods')!.count, 3);
	t.is(cp.etcd.objects, cp.etcd.keys.reduce((sum, k) => sum + k.count, 0));
	t.deepEqual(cp.controllers.map(c => c.name).slice(0, 3), ['namespace-controller', 'serviceaccount-controller', 'resourcequota-controller']);
	t.true(cp.controllers.some(c => c.name === 'garbage-collector-controller'));
	t.true(cp.controllers.every(c => c.state === 'idle'));
	t.deepEqual(cp.kubelets.map(k => k.name), ['kubelet@worker-1', 'kubelet@worker-2']);
	t.is(cp.kubelets.reduce((sum, k) => sum + k.pods, 0), 3);

	stepUntil(cluster, () => allRunning(cluster, 'app=web', 3), 20);
	cluster.step(); // a tick where the kubelets write nothing new
	t.true(cluster.inspect.controlPlane().kubelets.every(k => k.writes === 0));
});

test('a pending pod shows in the scheduler as unschedulable', t => {
	const cluster = clusterWith([nodeObject('worker-1', {cpu: '1'})]);
	cluster.client.create('deployments', deploymentObject('big', 1, {cpu: '4'}));
	cluster.step(3);
	t.is(cluster.inspect.controlPlane().scheduler!.unschedulable, 1);
});
