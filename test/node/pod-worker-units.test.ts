import test from 'ava';
import {createActor} from 'xstate';
import {containerMachine, restartCount} from '../../source/cluster/machines/container.js';
import {Backoff} from '../../source/cluster/node/backoff.js';
import {argv, programFor} from '../../source/cluster/node/images.js';
import {fullReference} from '../../source/cluster/node/image-pull.js';
import {admitPod} from '../../source/cluster/node/kubelet-admission.js';
import type {Container, Pod} from '../../source/cluster/index.js';
import {clusterWith, deploymentObject, nodeObject, stepUntil, allRunning} from '../helpers/cluster.js';

test('the container machine keeps the last termination and counts restarts from the second start', t => {
	const actor = createActor(containerMachine, {input: {name: 'c', image: 'busybox', reason: 'ContainerCreating'}}).start();
	const context = () => actor.getSnapshot().context;
	t.is(actor.getSnapshot().value, 'waiting');
	actor.send({type: 'START', at: 1000, containerID: 'containerd://a'});
	t.is(restartCount(context()), 0);
	actor.send({type: 'EXIT', exitCode: 1, reason: 'Error', at: 5000});
	t.like(context().terminated, {exitCode: 1, reason: 'Error', startedAt: 1000, finishedAt: 5000, containerID: 'containerd://a'});
	actor.send({type: 'WAIT', reason: 'CrashLoopBackOff', message: 'back-off 10s'});
	t.is(actor.getSnapshot().value, 'waiting');
	t.like(context(), {terminated: undefined, lastTerminated: {exitCode: 1}, waiting: {reason: 'CrashLoopBackOff'}});
	actor.send({type: 'START', at: 16_000, containerID: 'containerd://b'});
	t.is(restartCount(context()), 1);
	t.like(context().lastTerminated, {containerID: 'containerd://a'});
	actor.send({type: 'READY', ready: true});
	t.true(context().ready);
	actor.send({type: 'EXIT', exitCode: 0, reason: 'Completed', at: 20_000});
	t.false(context().ready, 'an exited container is not ready');
});

test('back-off: 10 s after the first restart, doubling to 300 s, and fresh again after 10 minutes untouched', t => {
	const b = new Backoff();
	t.false(b.inBackoffSince(0, 0), 'the first exit restarts at once');
	b.next(0);
	const delays: number[] = [];
	for (let i = 0, now = 0; i < 7; i++) {
		t.true(b.inBackoffSince(now, now));
		delays.push(b.get() / 1000);
		now += b.get();
		t.false(b.inBackoffSince(now - b.get(), now));
		b.next(now);
	}
	t.deepEqual(delays, [10, 20, 40, 80, 160, 300, 300]);
	const later = 10_000_000;
	t.false(b.inBackoffSince(later, later), 'expired after 2 x 300 s');
	b.next(later);
	t.is(b.get(), 10_000);
});

test('the image catalogue: command replaces ENTRYPOINT and CMD, args replace CMD; programs by name', t => {
	const c = (fields: Partial<Container>): Container => ({name: 'c', image: 'busybox', ...fields});
	t.deepEqual(argv(c({image: 'nginx:1.27'})), ['/docker-entrypoint.sh', 'nginx', '-g', 'daemon off;']);
	t.deepEqual(argv(c({image: 'nginx:1.27', args: ['nginx-debug']})), ['/docker-entrypoint.sh', 'nginx-debug']);
	t.deepEqual(argv(c({image: 'agnhost', args: ['liveness']})), ['/agnhost', 'liveness']);
	t.like(programFor(c({image: 'nginx:1.27'})), {kind: 'serve', ports: [80]});
	t.like(programFor(c({image: 'redis:7'})), {kind: 'serve', ports: [6379]});
	t.like(programFor(c({image: 'postgres:16'})), {kind: 'exit', code: 1});
	t.like(programFor(c({image: 'postgres:16', env: [{name: 'POSTGRES_PASSWORD', value: 'x'}]})), {kind: 'serve', ports: [5432]});
	t.like(programFor(c({image: 'alpine:3.20'})), {kind: 'exit', code: 0, afterMs: 0});
	t.like(programFor(c({command: ['sleep', '3600']})), {kind: 'shell', script: 'sleep 3600'});
	t.like(programFor(c({command: ['/bin/sh', '-c', 'echo hi']})), {kind: 'shell', shell: 'sh', script: 'echo hi'});
	t.like(programFor(c({image: 'polinux/stress', command: ['stress'], args: ['--vm', '1', '--vm-bytes', '250M']})), {kind: 'stress', memoryBytes: 250 * 2 ** 20});
	t.like(programFor(c({image: 'perl:5.34', command: ['perl', '-Mbignum=bpi', '-wle', 'print bpi(2000)']})), {kind: 'exit', code: 0, afterMs: 5000});
	t.like(programFor(c({image: 'example.com/team/app:v2', ports: [{containerPort: 8080}]})), {kind: 'serve', ports: [8080]});
	t.is(fullReference('nginx'), 'docker.io/library/nginx:latest');
	t.is(fullReference('bitnami/redis:7'), 'docker.io/bitnami/redis:7');
	t.is(fullReference('registry.k8s.io/pause:3.10'), 'registry.k8s.io/pause:3.10');
	t.is(fullReference('localhost:5000/app'), 'localhost:5000/app:latest');
});

test('kubelet admission counts what the node already runs; memory gives OutOfmemory', t => {
	const node = nodeObject('n', {cpu: '2', memory: '1Gi'});
	const pod = (cpu: string, memory: string): Pod => ({apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p'}, spec: {containers: [{name: 'c', image: 'nginx', resources: {requests: {cpu, memory}}}]}});
	t.is(admitPod(pod('1', '512Mi'), node, [pod('1', '256Mi')]), undefined);
	t.deepEqual(admitPod(pod('500m', '1Gi'), node, [pod('1', '256Mi')]), {reason: 'OutOfmemory', message: "Node didn't have enough resource: memory, requested: 1073741824, used: 268435456, capacity: 1073741824"});
	t.is(admitPod(pod('1', '1Mi'), undefined, []), undefined, 'no node object yet: nothing to check against');
	t.deepEqual(admitPod(pod('1m', '1Mi'), nodeObject('small', {pods: '2'}), [pod('1m', '1Mi'), pod('1m', '1Mi')]), {reason: 'OutOfpods', message: "Node didn't have enough resource: pods, requested: 1, used: 2, capacity: 2"});
});

test('a quiet running container costs no timers: 60 nginx pods without probes leave the clock empty', t => {
	const cluster = clusterWith([nodeObject('node-1'), nodeObject('node-2')]);
	cluster.client.create('deployments', deploymentObject('web', 60));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 60), 40);
	cluster.step(2);
	t.is((cluster.clock.simulated as unknown as {timeouts: Map<number, unknown>}).timeouts.size, 0);
});
