import test from 'ava';
import {CommandError} from '../../source/cluster/index.js';
import {clusterWith, nodeObject, stepUntil} from '../helpers/cluster.js';
import {getPod, podFromYaml} from '../helpers/pods.js';

function twoContainerPod() {
	const cluster = clusterWith([nodeObject('node-1')]);
	// The docs' pods/two-container-pod.yaml: debian writes index.html into the volume nginx serves.
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: two-containers}
spec:
  restartPolicy: Never
  volumes:
  - {name: shared-data, emptyDir: {}}
  containers:
  - name: nginx-container
    image: nginx
    volumeMounts: [{name: shared-data, mountPath: /usr/share/nginx/html}]
  - name: debian-container
    image: debian
    volumeMounts: [{name: shared-data, mountPath: /pod-data}]
    command: ["/bin/sh"]
    args: ["-c", "echo Hello from the debian container > /pod-data/index.html"]
`));
	return cluster;
}

test('the docs\' two-container pod: debian writes into the shared emptyDir and terminates; nginx keeps running', t => {
	const cluster = twoContainerPod();
	stepUntil(cluster, () => getPod(cluster, 'two-containers').status?.containerStatuses?.[1]?.state?.terminated !== undefined, 30);
	const pod = getPod(cluster, 'two-containers');
	t.is(pod.status!.phase, 'Running');
	t.like(pod.status!.containerStatuses![1]!.state!.terminated, {exitCode: 0, reason: 'Completed'});
	t.truthy(pod.status!.containerStatuses![0]!.state!.running);
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: reader}
spec:
  containers:
  - {name: c, image: busybox:1.36, command: [sh, -c, "echo reader has its own volume; cat /pod-data/index.html; sleep 3600"]}
`));
	cluster.step(5);
	t.deepEqual(cluster.logs('default', 'reader'), ['reader has its own volume', "cat: can't open '/pod-data/index.html': No such file or directory"]);
});

test('logs: -c picks the container, --tail the last lines, --previous the instance before a restart', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: counter}
spec:
  containers:
  - {name: count, image: busybox:1.36, command: [sh, -c, "for i in 1 2 3 4 5; do echo line $i; done; sleep 4; exit 1"]}
  - {name: quiet, image: busybox:1.36, command: [sleep, "3600"]}
`));
	stepUntil(cluster, () => (getPod(cluster, 'counter').status?.containerStatuses?.[0]?.restartCount ?? 0) === 1, 30);
	t.is(cluster.run('logs pod/counter --tail=2').message, 'line 4\nline 5');
	t.is(cluster.run('logs counter -c count --previous').message, 'line 1\nline 2\nline 3\nline 4\nline 5');
	t.is(cluster.run('logs pod/counter -c quiet').message, '');
	t.deepEqual(cluster.logs('default', 'counter', {tail: 1}), ['line 5']);
});

test('logs refuses what kubectl refuses: an unknown pod, an unknown container, no previous instance', t => {
	const cluster = twoContainerPod();
	cluster.step(10);
	const error = (command: string) => t.throws(() => cluster.run(command), {instanceOf: CommandError})!.message;
	t.is(error('logs pod/nope'), 'Error from server (NotFound): pods "nope" not found');
	t.is(error('logs two-containers -c nope'), 'Error from server (BadRequest): container nope is not valid for pod two-containers');
	t.is(error('logs two-containers --previous'), 'Error from server (BadRequest): previous terminated container "nginx-container" in pod "two-containers" not found');
	t.regex(error('logs'), /POD or TYPE\/NAME is a required argument/);
	t.regex(error('logs deployment/web'), /only pods are supported/);
	t.regex(error('logs two-containers --tail=x'), /invalid argument "x" for "--tail"/);
});
