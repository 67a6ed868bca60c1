import test, {type ExecutionContext} from 'ava';
import {writeFileSync} from 'node:fs';
import type {Cluster, Deployment, Pod, ReplicaSet} from '../../source/cluster/index.js';
import {allRunning, clusterWith, eventsFor, isRunningReady, nodeObject, pods, replicaSets, tempFile} from '../helpers/cluster.js';

const manifest = (image: string, replicas: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: web
        image: ${image}
`;

interface Sample {
	tick: number;
	specTotal: number;
	activePods: number;
	available: number;
}

function sample(cluster: Cluster): Sample {
	const list = pods(cluster, 'app=web');
	const active = list.filter(p => !p.metadata!.deletionTimestamp);
	return {
		tick: cluster.clock.tick,
		specTotal: replicaSets(cluster, 'app=web').reduce((n, rs) => n + (rs.spec!.replicas ?? 0), 0),
		activePods: active.length,
		available: active.filter(isRunningReady).length,
	};
}

interface Rollout {
	cluster: Cluster;
	oldRS: ReplicaSet;
	samples: Sample[];
	finished: boolean;
}

/** Apply `replicas` of nginx:1.27, wait for them, apply nginx:1.28 and sample every tick until the rollout ends. */
function rollOut(t: ExecutionContext, replicas: number): Rollout {
	const cluster = clusterWith([nodeObject('node-1'), nodeObject('node-2'), nodeObject('node-3')]);
	const file = tempFile('web.yaml', manifest('nginx:1.27', replicas));
	t.is(cluster.run(`apply -f ${file}`).message, 'deployment.apps/web created');
	for (let i = 0; i < 40 && !allRunning(cluster, 'app=web', replicas); i++) cluster.step();
	t.true(allRunning(cluster, 'app=web', replicas));
	cluster.step(3);
	const [oldRS] = replicaSets(cluster, 'app=web');

	writeFileSync(file, manifest('nginx:1.28', replicas));
	t.is(cluster.run(`apply -f ${file}`).message, 'deployment.apps/web configured');
	t.is(cluster.client.get<Deployment>('deployments', 'web').metadata!.generation, 2);

	const samples: Sample[] = [];
	const done = () => {
		const list = pods(cluster, 'app=web');
		return list.length === replicas && list.every(p => p.spec!.containers[0]!.image === 'nginx:1.28' && isRunningReady(p) && !p.metadata!.deletionTimestamp);
	};
	for (let i = 0; i < 120 && !done(); i++) {
		cluster.step();
		samples.push(sample(cluster));
	}
	return {cluster, oldRS: oldRS!, samples, finished: done()};
}

function checkRollout(t: ExecutionContext, replicas: number, surge: number) {
	const {cluster, oldRS, samples, finished} = rollOut(t, replicas);
	t.true(finished, 'rollout finished');
	for (const s of samples) {
		t.true(s.specTotal <= replicas + surge, `tick ${s.tick}: ReplicaSets want ${s.specTotal} > ${replicas} + ${surge}`);
		t.true(s.activePods <= replicas + surge, `tick ${s.tick}: ${s.activePods} pods > ${replicas} + ${surge}`);
	}
	// The surge was used: at some point there were more pods than replicas.
	t.true(samples.some(s => s.activePods > replicas));
	t.true(samples.some(s => s.specTotal === replicas + surge));

	cluster.step(4);
	const all = replicaSets(cluster, 'app=web');
	t.is(all.length, 2);
	const newRS = all.find(rs => rs.metadata!.name !== oldRS.metadata!.name)!;
	t.is(newRS.spec!.template!.spec!.containers[0]!.image, 'nginx:1.28');
	t.is(newRS.spec!.replicas, replicas);
	t.is(newRS.metadata!.annotations!['deployment.kubernetes.io/revision'], '2');
	const old = cluster.client.get<ReplicaSet>('replicasets', oldRS.metadata!.name!);
	t.is(old.spec!.replicas, 0);
	t.is(old.status!.replicas, 0);
	const hash = newRS.metadata!.labels!['pod-template-hash'];
	t.not(hash, oldRS.metadata!.labels!['pod-template-hash']);
	t.true(pods(cluster, 'app=web').every((p: Pod) => p.metadata!.labels!['pod-template-hash'] === hash));

	const d = cluster.client.get<Deployment>('deployments', 'web');
	t.is(d.status!.updatedReplicas, replicas);
	t.is(d.status!.availableReplicas, replicas);
	t.is(d.metadata!.annotations!['deployment.kubernetes.io/revision'], '2');
	t.like(d.status!.conditions!.find(c => c.type === 'Progressing'), {status: 'True', reason: 'NewReplicaSetAvailable'});
	const scaling = eventsFor(cluster, 'web', 'ScalingReplicaSet').map(e => e.message ?? '');
	t.true(scaling.includes(`Scaled up replica set ${newRS.metadata!.name} to ${surge}`), scaling.join('\n'));
	t.true(scaling.some(m => m.startsWith(`Scaled down replica set ${oldRS.metadata!.name} from ${replicas} to `)), scaling.join('\n'));
	t.true(scaling.some(m => m.startsWith(`Scaled down replica set ${oldRS.metadata!.name} from `) && m.endsWith(' to 0')), scaling.join('\n'));
}

function checkAvailabilityFloor(t: ExecutionContext, replicas: number, unavailable: number) {
	const {samples, finished} = rollOut(t, replicas);
	t.true(finished, 'rollout finished');
	const low = samples.filter(s => s.available < replicas - unavailable).map(s => `tick ${s.tick}: ${s.available} available`);
	t.deepEqual(low, [], `fewer than ${replicas} - ${unavailable} available pods`);
}

test('a rolling update of 4 replicas (surge 1) stays within replicas + maxSurge and ends on the new template', t => {
	checkRollout(t, 4, 1);
});

test('a rolling update of 10 replicas (surge 3) stays within replicas + maxSurge and ends on the new template', t => {
	checkRollout(t, 10, 3);
});

// Upstream guarantees at least replicas - maxUnavailable available pods throughout a RollingUpdate.
test('a rolling update of 4 replicas never has fewer than replicas - maxUnavailable (3) available pods', t => {
	checkAvailabilityFloor(t, 4, 1);
});

test('a rolling update of 10 replicas never has fewer than replicas - maxUnavailable (8) available pods', t => {
	checkAvailabilityFloor(t, 10, 2);
});

test('re-applying an unchanged manifest right away changes nothing', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	const file = tempFile('web.yaml', manifest('nginx:1.27', 2));
	cluster.run(`apply -f ${file}`);
	const revision = cluster.api.revision;
	t.is(cluster.run(`apply -f ${file}`).message, 'deployment.apps/web unchanged');
	t.is(cluster.api.revision, revision);
});

// Upstream: kubectl apply's three-way merge keeps fields other writers own (the revision annotation),
// and an unchanged manifest prints "unchanged".
test('re-applying an unchanged manifest after the controllers ran is "unchanged" and keeps their fields', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	const file = tempFile('web.yaml', manifest('nginx:1.27', 2));
	cluster.run(`apply -f ${file}`);
	for (let i = 0; i < 20 && !allRunning(cluster, 'app=web', 2); i++) cluster.step();
	t.is(cluster.client.get<Deployment>('deployments', 'web').metadata!.annotations?.['deployment.kubernetes.io/revision'], '1');
	t.is(cluster.run(`apply -f ${file}`).message, 'deployment.apps/web unchanged');
	t.is(cluster.client.get<Deployment>('deployments', 'web').metadata!.annotations?.['deployment.kubernetes.io/revision'], '1');
});
