import test from 'ava';
import {clusterWith, nodeObject, stepUntil} from '../helpers/cluster.js';
import {getPod, messages, podFromYaml} from '../helpers/pods.js';

function deleteAndTime(script: string, extra = '', grace = 30) {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  terminationGracePeriodSeconds: ${grace}
  containers:
  - name: app
    image: busybox:1.36
    command: ["sh", "-c", ${JSON.stringify(script)}]
${extra}
`));
	stepUntil(cluster, () => getPod(cluster, 'p').status?.containerStatuses?.[0]?.state?.running !== undefined, 20);
	cluster.step(2);
	cluster.client.delete('pods', 'p');
	const ticks = stepUntil(cluster, () => cluster.client.find('pods', 'p') === undefined, 60);
	return {cluster, ticks};
}

test('a shell script without a TERM trap takes the whole grace period (sh as PID 1 ignores SIGTERM)', t => {
	const {ticks, cluster} = deleteAndTime('while true; do sleep 1; done');
	t.true(ticks >= 30 && ticks <= 33, `gone after ${ticks} ticks`);
	t.deepEqual(messages(cluster, 'p', 'Killing'), ['Stopping container app']);
	t.is(deleteAndTime('sleep 3600', '', 10).ticks >= 10, true);
});

test('a script that traps TERM exits as soon as its handler runs', t => {
	const {ticks, cluster} = deleteAndTime("trap 'echo graceful shutdown; exit 0' TERM; while true; do sleep 1; done");
	t.true(ticks <= 4, `gone after ${ticks} ticks`);
	t.deepEqual(messages(cluster, 'p', 'Killing'), ['Stopping container app']);
});

test('preStop runs before SIGTERM: a sleep hook delays the stop; a hook longer than the grace period gets 2 s more', t => {
	const sleepHook = deleteAndTime("trap 'exit 0' TERM; while true; do sleep 1; done", `    lifecycle:
      preStop:
        sleep: {seconds: 8}`);
	t.true(sleepHook.ticks >= 8 && sleepHook.ticks <= 12, `gone after ${sleepHook.ticks} ticks`);
	// A hook longer than the grace period: SIGTERM at the end of it, with 2 s more before SIGKILL.
	const long = deleteAndTime('while true; do sleep 1; done', `    lifecycle:
      preStop:
        exec: {command: [sh, -c, "sleep 100"]}`, 5);
	t.true(long.ticks >= 7 && long.ticks <= 10, `gone after ${long.ticks} ticks`);
});

test('nginx stops at once on SIGTERM', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', podFromYaml('{apiVersion: v1, kind: Pod, metadata: {name: web}, spec: {containers: [{name: nginx, image: "nginx:1.27"}]}}'));
	stepUntil(cluster, () => getPod(cluster, 'web').status?.containerStatuses?.[0]?.ready === true, 20);
	cluster.client.delete('pods', 'web');
	const ticks = stepUntil(cluster, () => cluster.client.find('pods', 'web') === undefined, 10);
	t.true(ticks <= 3, `gone after ${ticks} ticks`);
});
