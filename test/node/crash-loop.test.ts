import test from 'ava';
import type {Pod} from '../../source/cluster/index.js';
import {clusterWith, eventsFor, nodeObject, podStatus, stepUntil} from '../helpers/cluster.js';

function pod(name: string, spec: Partial<NonNullable<Pod['spec']>> & {command?: string[]; image?: string}): Pod {
	const {command, image, ...rest} = spec;
	return {
		apiVersion: 'v1', kind: 'Pod', metadata: {name},
		spec: {containers: [{name: 'app', image: image ?? 'busybox:1.36', ...(command ? {command} : {})}], ...rest},
	} as Pod;
}

const get = (cluster: ReturnType<typeof clusterWith>, name: string) => cluster.client.get<Pod>('pods', name);

test('a container that exits 1 restarts at once, then with back-off 10, 20, 40 ... capped at 300 s: CrashLoopBackOff', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', pod('crash', {command: ['sh', '-c', 'echo starting; exit 1']}));
	const starts: number[] = [];
	let last = -1;
	for (let i = 0; i < 1500 && starts.length < 9; i++) {
		cluster.step();
		const status = get(cluster, 'crash').status?.containerStatuses?.[0];
		const started = status?.state?.running?.startedAt ?? status?.state?.terminated?.startedAt ?? status?.lastState?.terminated?.startedAt;
		const count = status?.restartCount ?? 0;
		if (status?.state?.terminated || status?.state?.running || status?.lastState?.terminated) {
			if (count !== last) {
				starts.push(cluster.clock.tick);
				last = count;
			}
		}
		void started;
	}
	const gaps = starts.slice(1).map((tick, i) => tick - starts[i]!);
	// The first restart is immediate; then each waits the back-off from the last exit.
	t.deepEqual(gaps.map(g => (g <= 2 ? 0 : Math.round(g / 10) * 10)), [0, 10, 20, 40, 80, 160, 300, 300]);
	const p = get(cluster, 'crash');
	t.is(p.status!.phase, 'Running');
	const c = p.status!.containerStatuses![0]!;
	t.like(c.lastState!.terminated, {exitCode: 1, reason: 'Error'});
	const back = eventsFor(cluster, 'crash', 'BackOff')[0]!;
	t.is(back.type, 'Warning');
	t.is(back.message, `Back-off restarting failed container app in pod crash_default(${p.metadata!.uid})`);
	stepUntil(cluster, () => podStatus(get(cluster, 'crash')) === 'CrashLoopBackOff', 5);
	t.regex(get(cluster, 'crash').status!.containerStatuses![0]!.state!.waiting!.message!, /^back-off 5m0s restarting failed container=app pod=crash_default\(/);
});

test('Completed and Error under each restartPolicy: Never and OnFailure end the pod, Always restarts it', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	const cases: Array<[string, string, number]> = [
		['never-ok', 'Never', 0], ['never-fail', 'Never', 3], ['onfailure-ok', 'OnFailure', 0], ['onfailure-fail', 'OnFailure', 2], ['always-ok', 'Always', 0],
	];
	for (const [name, restartPolicy, code] of cases) cluster.client.create('pods', pod(name, {restartPolicy, command: ['sh', '-c', `sleep 2; exit ${code}`]}));
	cluster.step(12);
	const view = (name: string) => {
		const p = get(cluster, name);
		return [p.status!.phase, podStatus(p), p.status!.containerStatuses![0]!.restartCount];
	};
	t.deepEqual(view('never-ok'), ['Succeeded', 'Completed', 0]);
	t.deepEqual(view('never-fail'), ['Failed', 'Error', 0]);
	t.deepEqual(view('onfailure-ok'), ['Succeeded', 'Completed', 0]);
	t.is(view('onfailure-fail')[0], 'Running');
	t.true(Number(view('onfailure-fail')[2]) >= 1);
	t.is(view('always-ok')[0], 'Running');
	t.true(Number(view('always-ok')[2]) >= 1, 'exit 0 restarts under Always');
	const done = get(cluster, 'never-fail');
	t.like(done.status!.containerStatuses![0]!.state!.terminated, {exitCode: 3, reason: 'Error'});
	t.like(done.status!.conditions!.find(c => c.type === 'Ready'), {status: 'False', reason: 'PodCompleted'});
});

test('busybox without a command: the default sh exits at once, Completed, then CrashLoopBackOff under Always', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', pod('bb', {}));
	const seen = new Set<string>();
	for (let i = 0; i < 30; i++) {
		cluster.step();
		seen.add(podStatus(get(cluster, 'bb')));
	}
	t.true(seen.has('Completed'), [...seen].join(','));
	t.true(seen.has('CrashLoopBackOff'), [...seen].join(','));
});

test('nginx without a command serves: Running and Ready, no restarts', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', pod('web', {image: 'nginx:1.27'}));
	cluster.step(20);
	const p = get(cluster, 'web');
	t.is(podStatus(p), 'Running');
	t.is(p.status!.containerStatuses![0]!.restartCount, 0);
});
