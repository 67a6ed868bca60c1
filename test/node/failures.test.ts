import test from 'ava';
import type {Pod} from '../../source/cluster/index.js';
import {clusterWith, eventsFor, nodeObject, podStatus, stepUntil} from '../helpers/cluster.js';
import {getPod, messages, podFromYaml} from '../helpers/pods.js';

test('the docs\' memory-request-limit-2 example: stress over its limit is OOMKilled (137), then CrashLoopBackOff', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: memory-demo-2}
spec:
  containers:
  - name: memory-demo-2-ctr
    image: polinux/stress
    resources: {requests: {memory: "50Mi"}, limits: {memory: "100Mi"}}
    command: ["stress"]
    args: ["--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"]
`));
	stepUntil(cluster, () => podStatus(getPod(cluster, 'memory-demo-2')) === 'OOMKilled', 20);
	t.like(getPod(cluster, 'memory-demo-2').status!.containerStatuses![0]!.state!.terminated, {exitCode: 137, reason: 'OOMKilled'});
	stepUntil(cluster, () => podStatus(getPod(cluster, 'memory-demo-2')) === 'CrashLoopBackOff', 20);
	t.like(getPod(cluster, 'memory-demo-2').status!.containerStatuses![0]!.lastState!.terminated, {exitCode: 137, reason: 'OOMKilled'});
	// Under its limit the same container runs on.
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: fits}
spec:
  containers:
  - {name: c, image: polinux/stress, resources: {limits: {memory: 300Mi}}, command: [stress], args: [--vm, "1", --vm-bytes, 250M]}
`));
	cluster.step(15);
	t.is(podStatus(getPod(cluster, 'fits')), 'Running');
});

test('sim.kubetui.dev/image-pull-fails: ErrImagePull, then ImagePullBackOff, retried after 10, 20, 40 s', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: bad-image, annotations: {sim.kubetui.dev/image-pull-fails: "app"}}
spec:
  containers:
  - {name: app, image: "nginx:1.27-typo"}
  - {name: ok, image: "redis:7.2"}
`));
	const pulls: number[] = [];
	const seen = new Set<string>();
	for (let i = 0; i < 90; i++) {
		cluster.step();
		seen.add(podStatus(getPod(cluster, 'bad-image')));
		const count = eventsFor(cluster, 'bad-image', 'Pulling').find(e => e.message === 'Pulling image "nginx:1.27-typo"')?.count ?? 0;
		if (count > pulls.length) pulls.push(cluster.clock.tick);
	}
	t.true(seen.has('ErrImagePull') && seen.has('ImagePullBackOff'), [...seen].join(','));
	const gaps = pulls.slice(1).map((tick, i) => tick - pulls[i]!);
	t.deepEqual(gaps.map(g => Math.round(g / 10) * 10), [10, 20, 40]);
	t.deepEqual(messages(cluster, 'bad-image', 'Failed').slice(0, 2), [
		'Failed to pull image "nginx:1.27-typo": rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/library/nginx:1.27-typo": failed to resolve reference "docker.io/library/nginx:1.27-typo": docker.io/library/nginx:1.27-typo: not found',
		'Error: ErrImagePull',
	]);
	t.true(messages(cluster, 'bad-image', 'BackOff').includes('Back-off pulling image "nginx:1.27-typo"'));
	const pod = getPod(cluster, 'bad-image');
	t.true(pod.status!.containerStatuses!.find(c => c.name === 'ok')!.ready, 'the other container starts');
	t.is(pod.status!.phase, 'Pending');
});

test('kubelet admission: a pod bound by nodeName to a node without room fails with OutOfcpu', t => {
	const cluster = clusterWith([nodeObject('node-1', {cpu: '4'})]);
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: fits}
spec:
  containers: [{name: c, image: nginx:1.27, resources: {requests: {cpu: 3350m}}}]
`));
	cluster.step(5);
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: huge}
spec:
  nodeName: node-1
  containers: [{name: c, image: nginx:1.27, resources: {requests: {cpu: "64"}}}]
`));
	cluster.step(3);
	const huge = getPod(cluster, 'huge');
	t.like(huge.status, {phase: 'Failed', reason: 'OutOfcpu', message: "Pod was rejected: Node didn't have enough resource: cpu, requested: 64000, used: 3350, capacity: 4000"});
	t.is(podStatus(huge), 'OutOfcpu');
	t.deepEqual(messages(cluster, 'huge', 'OutOfcpu'), ["Node didn't have enough resource: cpu, requested: 64000, used: 3350, capacity: 4000"]);
	t.is(podStatus(getPod(cluster, 'fits')), 'Running');
});

test('a missing ConfigMap volume: ContainerCreating with FailedMount until the ConfigMap exists', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: cfg}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, "cat /etc/config/app.conf; sleep 3600"]
    volumeMounts: [{name: config, mountPath: /etc/config}]
  volumes:
  - {name: config, configMap: {name: app-config}}
`));
	cluster.step(10);
	t.is(podStatus(getPod(cluster, 'cfg')), 'ContainerCreating');
	t.deepEqual([...new Set(messages(cluster, 'cfg', 'FailedMount'))], ['MountVolume.SetUp failed for volume "config" : configmap "app-config" not found']);
	t.is(eventsFor(cluster, 'cfg', 'FailedMount')[0]!.type, 'Warning');
	cluster.client.create('configmaps', {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'app-config'}, data: {'app.conf': 'color=blue\n'}});
	stepUntil(cluster, () => podStatus(getPod(cluster, 'cfg')) === 'Running', 40);
	cluster.step(2);
	t.deepEqual(cluster.logs('default', 'cfg'), ['color=blue']);
});

test('env from a missing key: CreateContainerConfigError with upstream\'s message', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('configmaps', {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'settings'}, data: {mode: 'fast'}});
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: envy}
spec:
  containers:
  - name: app
    image: busybox:1.36
    command: [sh, -c, "echo mode=$MODE level=$LEVEL; sleep 3600"]
    env:
    - {name: MODE, valueFrom: {configMapKeyRef: {name: settings, key: mode}}}
    - {name: LEVEL, valueFrom: {configMapKeyRef: {name: settings, key: level}}}
`));
	cluster.step(8);
	const pod = getPod(cluster, 'envy');
	t.is(podStatus(pod), 'CreateContainerConfigError');
	t.like(pod.status!.containerStatuses![0]!.state!.waiting, {reason: 'CreateContainerConfigError', message: "couldn't find key level in ConfigMap default/settings"});
	t.deepEqual([...new Set(messages(cluster, 'envy', 'Failed'))], ["Error: couldn't find key level in ConfigMap default/settings"]);
	cluster.client.patch('configmaps', 'settings', {data: {level: '3'}});
	stepUntil(cluster, () => podStatus(getPod(cluster, 'envy')) === 'Running', 15);
	cluster.step(2);
	t.deepEqual(cluster.logs('default', 'envy'), ['mode=fast level=3']);
});

test('imagePullPolicy Never with the image absent: ErrImageNeverPull, no pull; present, it starts', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', podFromYaml('{apiVersion: v1, kind: Pod, metadata: {name: never}, spec: {containers: [{name: c, image: "example.com/app:1", imagePullPolicy: Never}]}}'));
	cluster.step(5);
	const pod = getPod(cluster, 'never');
	t.is(podStatus(pod), 'ErrImageNeverPull');
	t.like(pod.status!.containerStatuses![0]!.state!.waiting, {reason: 'ErrImageNeverPull', message: 'Container image "example.com/app:1" is not present with pull policy of Never'});
	t.deepEqual(messages(cluster, 'never', 'Pulling'), []);
	t.deepEqual(messages(cluster, 'never', 'ErrImageNeverPull'), ['Container image "example.com/app:1" is not present with pull policy of Never']);
	cluster.client.create('pods', podFromYaml('{apiVersion: v1, kind: Pod, metadata: {name: puller}, spec: {containers: [{name: c, image: "example.com/app:1"}]}}'));
	stepUntil(cluster, () => podStatus(getPod(cluster, 'never')) === 'Running', 30);
	t.pass();
});
