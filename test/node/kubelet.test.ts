import test from 'ava';
import type {Node, Pod} from '../../source/cluster/index.js';
import {clusterWith, eventsFor, nodeObject, podObject, podStatus, stepUntil, isRunningReady} from '../helpers/cluster.js';

test('a starting kubelet registers its node: capacity defaults, addresses, Ready, and its events', t => {
	const cluster = clusterWith([{apiVersion: 'v1', kind: 'Node', metadata: {name: 'bare'}} as Node]);
	cluster.step();
	const node = cluster.client.get<Node>('nodes', 'bare');
	t.like(node.status!.capacity, {cpu: '4', memory: '8Gi', pods: '110'});
	t.deepEqual(node.status!.addresses!.map(a => a.type), ['InternalIP', 'Hostname']);
	t.is(node.status!.conditions!.find(c => c.type === 'Ready')?.status, 'True');
	t.is(node.status!.nodeInfo!.kubeletVersion, 'v1.32.0');
	t.deepEqual(eventsFor(cluster, 'bare').filter(e => e.source?.component === 'kubelet').map(e => e.reason),
		['Starting', 'NodeHasSufficientMemory', 'NodeHasNoDiskPressure', 'NodeHasSufficientPID', 'NodeAllocatableEnforced', 'NodeReady']);
	t.deepEqual(eventsFor(cluster, 'bare', 'RegisteredNode').map(e => e.message), ['Node bare event: Registered Node bare in Controller']);
	t.is(cluster.trace.list().find(e => e.resource === 'nodes/status')?.component, 'system:node:bare');
});

test('the kubelet reports a pod from ContainerCreating to Running/Ready with IPs, conditions and container status', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', podObject('p'));
	cluster.step(3);
	let pod = cluster.client.get<Pod>('pods', 'p');
	t.is(pod.spec!.nodeName, 'node-1');
	t.is(podStatus(pod), 'ContainerCreating');
	t.regex(pod.status!.podIP!, /^10\.244\.0\.\d+$/);
	t.regex(pod.status!.hostIP!, /^172\.18\.\d+\.\d+$/);
	t.like(pod.status!.containerStatuses![0], {name: 'main', ready: false, restartCount: 0, state: {waiting: {reason: 'ContainerCreating'}}});
	t.is(pod.status!.conditions!.find(c => c.type === 'Ready')?.status, 'False');

	stepUntil(cluster, () => isRunningReady(cluster.client.get<Pod>('pods', 'p')), 10);
	pod = cluster.client.get<Pod>('pods', 'p');
	t.is(pod.status!.phase, 'Running');
	const types = pod.status!.conditions!.map(c => `${c.type}=${c.status}`);
	t.deepEqual(types, ['PodReadyToStartContainers=True', 'Initialized=True', 'Ready=True', 'ContainersReady=True', 'PodScheduled=True']);
	const container = pod.status!.containerStatuses![0]!;
	t.true(container.ready);
	t.truthy(container.state!.running!.startedAt);
	t.regex(container.containerID!, /^containerd:\/\/[0-9a-f]{64}$/);
	t.is(pod.status!.startTime, '2026-01-01T00:00:02Z');
	t.deepEqual(cluster.trace.list().filter(e => e.resource === 'pods/status' && e.name === 'p').map(e => e.component).filter((c, i, a) => a.indexOf(c) === i), ['system:node:node-1']);
});

test('pods on one node pull one image at a time: the second image waits for the first', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	const a = podObject('a', {image: 'postgres:16'});
	const b = podObject('b', {image: 'nginx:1.27'});
	cluster.client.create('pods', a);
	cluster.client.create('pods', b);
	stepUntil(cluster, () => ['a', 'b'].every(n => isRunningReady(cluster.client.get<Pod>('pods', n))), 30);
	const pulled = (name: string) => eventsFor(cluster, name, 'Pulled')[0]!.message!;
	const waited = (message: string) => Number(/\(([\d.]+)s including waiting\)/.exec(message)![1]);
	const pulling = (message: string) => /in ([\d.]+m?s) \(/.exec(message)![1]!;
	const total = (message: string) => /\(([\d.]+m?s) including waiting\)/.exec(message)![1]!;
	const [first, second] = [pulled('a'), pulled('b')].sort((x, y) => waited(x) - waited(y));
	// The first pull waited for nothing; the second's total includes the time it waited behind the first.
	t.is(pulling(first!), total(first!));
	t.not(pulling(second!), total(second!));
	t.true(waited(second!) > waited(first!), `${first}\n${second}`);
});

test('a second pod with the same image on the same node finds it present (IfNotPresent)', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', podObject('first', {image: 'redis:7'}));
	stepUntil(cluster, () => isRunningReady(cluster.client.get<Pod>('pods', 'first')), 15);
	cluster.client.create('pods', podObject('second', {image: 'redis:7'}));
	stepUntil(cluster, () => isRunningReady(cluster.client.get<Pod>('pods', 'second')), 6);
	t.deepEqual(eventsFor(cluster, 'second').filter(e => e.reason !== 'Scheduled').map(e => `${e.reason}: ${e.message}`), [
		'Pulled: Container image "redis:7" already present on machine',
		'Created: Created container: main',
		'Started: Started container main',
	]);
});

test('graceful deletion: Terminating, Killing, then the kubelet removes the pod with grace 0', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', podObject('p'));
	stepUntil(cluster, () => isRunningReady(cluster.client.get<Pod>('pods', 'p')), 15);
	cluster.client.delete('pods', 'p');
	t.is(podStatus(cluster.client.get<Pod>('pods', 'p')), 'Terminating');
	cluster.step();
	t.deepEqual(eventsFor(cluster, 'p', 'Killing').map(e => e.message), ['Stopping container main']);
	t.truthy(cluster.client.find('pods', 'p'));
	const ticks = stepUntil(cluster, () => cluster.client.find('pods', 'p') === undefined, 10);
	t.true(ticks <= 3, `gone after ${ticks} more ticks`);
	const last = cluster.trace.list().filter(e => e.name === 'p' && e.resource === 'pods').at(-1)!;
	t.like(last, {component: 'system:node:node-1', verb: 'delete', reason: 'all containers stopped'});
});

test('pods get distinct IPs from their node\'s pod CIDR', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	for (const name of ['a', 'b', 'c']) cluster.client.create('pods', podObject(name));
	cluster.step(4);
	const ips = ['a', 'b', 'c'].map(n => cluster.client.get<Pod>('pods', n).status!.podIP);
	const cidr = cluster.client.get<Node>('nodes', 'node-1').spec!.podCIDR!;
	const prefix = cidr.split('.').slice(0, 3).join('.');
	t.true(ips.every(ip => ip?.startsWith(`${prefix}.`)), JSON.stringify(ips));
	t.is(new Set(ips).size, 3);
});
