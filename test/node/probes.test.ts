import test from 'ava';
import type {Deployment, Pod} from '../../source/cluster/index.js';
import {clusterWith, eventsFor, nodeObject, podStatus, stepUntil} from '../helpers/cluster.js';
import {getPod, messages, podFromYaml} from '../helpers/pods.js';

const execLiveness = podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: liveness-exec, labels: {test: liveness}}
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/busybox:1.27.2
    args: ["/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"]
    livenessProbe:
      exec: {command: ["cat", "/tmp/healthy"]}
      initialDelaySeconds: 5
      periodSeconds: 5
`);

test('the docs\' exec-liveness example: probes fail once /tmp/healthy is gone, Killing at 35-45 s, restart after the grace period', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', execLiveness);
	stepUntil(cluster, () => getPod(cluster, 'liveness-exec').status?.containerStatuses?.[0]?.state?.running !== undefined, 20);
	const started = cluster.clock.tick;
	const killing = stepUntil(cluster, () => messages(cluster, 'liveness-exec', 'Killing').length > 0, 60);
	t.true(killing >= 35 && killing <= 45, `Killing ${killing} s after start`);
	t.deepEqual(messages(cluster, 'liveness-exec', 'Killing'), ['Container liveness failed liveness probe, will be restarted']);
	const unhealthy = eventsFor(cluster, 'liveness-exec', 'Unhealthy');
	t.deepEqual(unhealthy.map(e => [e.type, e.message, e.count]), [['Warning', "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory", 3]]);
	// sh as PID 1 ignores SIGTERM: the container runs out the 30 s grace period and is killed (137).
	const restart = stepUntil(cluster, () => getPod(cluster, 'liveness-exec').status!.containerStatuses![0]!.restartCount === 1, 40);
	t.true(restart >= 30 && restart <= 34, `restarted ${restart} s after Killing`);
	t.like(getPod(cluster, 'liveness-exec').status!.containerStatuses![0]!.lastState!.terminated, {exitCode: 137, reason: 'Error'});
	t.true(started > 0);
});

test('the docs\' http-liveness example: agnhost serves /healthz 200 for 10 s, then 500, and the probe restarts it', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: liveness-http}
spec:
  containers:
  - name: liveness
    image: registry.k8s.io/e2e-test-images/agnhost:2.40
    args: [liveness]
    livenessProbe:
      httpGet: {path: /healthz, port: 8080, httpHeaders: [{name: Custom-Header, value: Awesome}]}
      initialDelaySeconds: 3
      periodSeconds: 3
`));
	stepUntil(cluster, () => messages(cluster, 'liveness-http', 'Killing').length > 0, 40);
	t.deepEqual([...new Set(messages(cluster, 'liveness-http', 'Unhealthy'))], ['Liveness probe failed: HTTP probe failed with statuscode: 500']);
	// agnhost exits at once on SIGTERM: restarted within moments.
	stepUntil(cluster, () => getPod(cluster, 'liveness-http').status!.containerStatuses![0]!.restartCount === 1, 5);
	t.pass();
});

test('readiness gates READY and the Deployment\'s availability; tcpSocket and grpc probe what the container serves', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	const deployment = (name: string, probe: object, image = 'nginx:1.27') => ({
		apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name},
		spec: {replicas: 1, selector: {matchLabels: {app: name}}, template: {metadata: {labels: {app: name}}, spec: {containers: [{name: 'c', image, readinessProbe: {...probe, periodSeconds: 2}}]}}},
	});
	cluster.client.create('deployments', deployment('good', {tcpSocket: {port: 80}}));
	cluster.client.create('deployments', deployment('bad', {httpGet: {path: '/', port: 8080}}));
	cluster.client.create('deployments', deployment('db', {grpc: {port: 6379}}, 'redis:7.2'));
	cluster.step(20);
	const available = (name: string) => cluster.client.get<Deployment>('deployments', name).status?.availableReplicas ?? 0;
	t.is(available('good'), 1);
	t.is(available('db'), 1);
	t.is(available('bad'), 0);
	const bad = cluster.client.list<Pod>('pods', {labelSelector: 'app=bad'}).items[0]!;
	t.is(podStatus(bad), 'Running');
	t.false(bad.status!.containerStatuses![0]!.ready);
	t.like(bad.status!.conditions!.find(c => c.type === 'Ready'), {status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [c]'});
	t.regex(messages(cluster, bad.metadata!.name!, 'Unhealthy')[0]!, /^Readiness probe failed: Get "http:\/\/10\.244\.0\.\d+:8080\/": dial tcp 10\.244\.0\.\d+:8080: connect: connection refused$/);
});

test('a startup probe holds liveness and readiness back until it passes', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: slow}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", "sleep 12; touch /tmp/started; sleep 3600"]
    startupProbe: {exec: {command: ["test", "-f", "/tmp/started"]}, periodSeconds: 2, failureThreshold: 10}
    readinessProbe: {exec: {command: ["true"]}, periodSeconds: 2}
`));
	stepUntil(cluster, () => getPod(cluster, 'slow').status?.containerStatuses?.[0]?.state?.running !== undefined, 20);
	cluster.step(6);
	t.like(getPod(cluster, 'slow').status!.containerStatuses![0], {started: false, ready: false});
	stepUntil(cluster, () => getPod(cluster, 'slow').status!.containerStatuses![0]!.ready, 15);
	t.true(getPod(cluster, 'slow').status!.containerStatuses![0]!.started);
	t.true(messages(cluster, 'slow', 'Unhealthy').every(m => m === 'Startup probe failed: '));
	t.is(messages(cluster, 'slow', 'Killing').length, 0);
});
