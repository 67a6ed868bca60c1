// The docs' pod examples (fixtures/examples) and the lifecycle scenarios (fixtures/scenarios) behave as
// their pages and comments say, applied on top of the default cluster.
import test from 'ava';
import {createCluster, readManifests, summarizePod, type Cluster, type Pod} from '../../source/cluster/index.js';

function open(file: string): Cluster {
	const cluster = createCluster();
	cluster.kubectl.apply([...readManifests('fixtures/default.yaml'), ...readManifests(file)]);
	return cluster;
}

const pod = (cluster: Cluster, name: string, namespace = 'default') => cluster.client.get<Pod>('pods', name, namespace);
const row = (p: Pod) => {
	const s = summarizePod(p);
	return `${s.ready}/${s.total} ${s.status} ${s.restarts}`;
};

/** Every STATUS a pod shows over `ticks` ticks, in order, without repeats. */
function statuses(cluster: Cluster, name: string, ticks: number, namespace = 'default'): string[] {
	const seen: string[] = [];
	for (let i = 0; i < ticks; i++) {
		cluster.step();
		const status = summarizePod(pod(cluster, name, namespace)).status;
		if (seen.at(-1) !== status) seen.push(status);
	}
	return seen;
}

test('examples: exec-liveness restarts after its probe fails; http-liveness too; goproxy is Ready after 15 s', t => {
	const exec = open('fixtures/examples/exec-liveness.yaml');
	exec.step(80);
	t.is(row(pod(exec, 'liveness-exec')), '1/1 Running 1');
	const http = open('fixtures/examples/http-liveness.yaml');
	http.step(30);
	t.true(summarizePod(pod(http, 'liveness-http')).restarts >= 1);
	const tcp = open('fixtures/examples/tcp-liveness-readiness.yaml');
	tcp.step(12);
	t.is(row(pod(tcp, 'goproxy')), '0/1 Running 0');
	tcp.step(15);
	t.is(row(pod(tcp, 'goproxy')), '1/1 Running 0');
});

test('examples: init-containers stays Init:0/2; two-container-pod is 1/2 NotReady; memory-demo-2 is OOMKilled', t => {
	const init = open('fixtures/examples/init-containers.yaml');
	init.step(30);
	t.is(row(pod(init, 'myapp-pod')), '0/1 Init:0/2 0');
	const two = open('fixtures/examples/two-container-pod.yaml');
	two.step(20);
	// kubectl prints NotReady for a running pod with a completed container and Ready=False.
	t.is(row(pod(two, 'two-containers')), '1/2 NotReady 0');
	const memory = open('fixtures/examples/memory-request-limit-2.yaml');
	t.true(statuses(memory, 'memory-demo-2', 20).includes('OOMKilled'));
});

test('scenarios: crash loop, failing probe, init + sidecar, shared emptyDir, OOM, pull failure', t => {
	const crash = open('fixtures/scenarios/crash-loop.yaml');
	t.true(statuses(crash, 'crash-loop', 40).includes('CrashLoopBackOff'));
	t.deepEqual(crash.logs('default', 'crash-loop', {previous: true}), ['connecting to database at db.default.svc.cluster.local', 'fatal: connection refused']);
	const probe = open('fixtures/scenarios/failing-probe.yaml');
	probe.step(80);
	t.is(row(pod(probe, 'failing-probe')), '1/2 Running 1');
	const sidecar = open('fixtures/scenarios/init-sidecar.yaml');
	t.deepEqual(statuses(sidecar, 'init-sidecar', 30).filter(s => s !== 'Pending'), ['Init:0/3', 'Init:2/3', 'Running']);
	t.is(row(pod(sidecar, 'init-sidecar')), '2/2 Running 0');
	const shared = open('fixtures/scenarios/shared-emptydir.yaml');
	shared.step(25);
	const read = shared.logs('default', 'shared-volume', {container: 'reader'});
	t.is(read[0], '--- /shared/out.txt:');
	t.regex(read[1]!, /^line 1 at Thu Jan {2}1 00:00:\d\d UTC 2026$/);
	const oom = open('fixtures/scenarios/oom.yaml');
	t.true(statuses(oom, 'memory-hog', 30).includes('OOMKilled'));
	const pull = open('fixtures/scenarios/pull-failure.yaml');
	t.deepEqual(statuses(pull, 'pull-failure', 12).filter(s => s !== 'Pending' && s !== 'ContainerCreating'), ['ErrImagePull', 'ImagePullBackOff']);
});

test('the lifecycle is deterministic: the same scenario files and ticks give byte-identical pods, events and logs', t => {
	const run = () => {
		const cluster = createCluster();
		cluster.kubectl.apply(['fixtures/default.yaml', 'fixtures/scenarios/crash-loop.yaml', 'fixtures/scenarios/failing-probe.yaml', 'fixtures/scenarios/init-sidecar.yaml', 'fixtures/scenarios/pull-failure.yaml'].flatMap(f => readManifests(f)));
		cluster.step(70);
		return JSON.stringify([cluster.client.list('pods').items, cluster.client.list('events').items, cluster.logs('default', 'init-sidecar', {container: 'log-shipper'})]);
	};
	t.is(run(), run());
});
