import test from 'ava';
import {createCluster, type Deployment, type Namespace, type Pod} from '../../source/cluster/index.js';
import {deploymentObject, podObject} from '../helpers/cluster.js';

const alphabet = 'bcdfghjklmnpqrstvwxz2456789';

test('a new cluster has the four namespaces a real one starts with', t => {
	const cluster = createCluster();
	t.deepEqual(cluster.client.list('namespaces').items.map(ns => ns.metadata!.name), ['default', 'kube-node-lease', 'kube-public', 'kube-system']);
	const ns = cluster.client.get('namespaces', 'kube-system');
	t.is(ns.metadata!.labels!['kubernetes.io/metadata.name'], 'kube-system');
	t.deepEqual(ns.status, {phase: 'Active'});
});

test('create fills uid, resourceVersion (the store revision, as a string), creationTimestamp and generation', t => {
	const cluster = createCluster();
	const before = cluster.api.revision;
	const pod = cluster.client.create<Pod>('pods', podObject('p1'));
	const meta = pod.metadata!;
	t.regex(meta.uid!, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
	t.is(typeof meta.resourceVersion, 'string');
	t.is(meta.resourceVersion, String(before + 1));
	t.is(meta.resourceVersion, String(cluster.api.revision));
	t.is(meta.creationTimestamp, '2026-01-01T00:00:00Z');
	t.is(meta.generation, 1);
	t.is(meta.namespace, 'default');
	t.is(pod.apiVersion, 'v1');
	t.is(pod.kind, 'Pod');
	// A second object gets a different uid and the next revision.
	const other = cluster.client.create<Pod>('pods', podObject('p2'));
	t.not(other.metadata!.uid, meta.uid);
	t.is(other.metadata!.resourceVersion, String(Number(meta.resourceVersion) + 1));
});

test('creationTimestamp comes from the simulated clock: epoch plus ticks times tickSeconds', t => {
	const cluster = createCluster({tickSeconds: 5});
	cluster.step(3);
	const pod = cluster.client.create<Pod>('pods', podObject('later'));
	t.is(pod.metadata!.creationTimestamp, '2026-01-01T00:00:15Z');
	cluster.step(12);
	const d = cluster.client.create('deployments', deploymentObject('web', 1));
	t.is(d.metadata!.creationTimestamp, '2026-01-01T00:01:15Z');
});

// Upstream: every object, namespaces included, gets a uid and creationTimestamp on create.
test('namespaces get a uid and creationTimestamp like every other object', t => {
	const cluster = createCluster();
	const bootstrap = cluster.client.get('namespaces', 'default');
	t.regex(bootstrap.metadata!.uid ?? '', /^[0-9a-f-]{36}$/);
	t.is(bootstrap.metadata!.creationTimestamp, '2026-01-01T00:00:00Z');
	cluster.step(3);
	const ns = cluster.client.create<Namespace>('namespaces', {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team'}});
	t.is(ns.metadata!.creationTimestamp, '2026-01-01T00:00:03Z');
	t.truthy(ns.metadata!.uid);
});

test('generateName gets a 5-character suffix from the vowel-free alphabet', t => {
	const cluster = createCluster();
	const seen = new Set<string>();
	for (let i = 0; i < 20; i++) {
		const pod = cluster.client.create<Pod>('pods', {...podObject(''), metadata: {generateName: 'web-'}} as Pod);
		const name = pod.metadata!.name!;
		t.true(name.startsWith('web-'), name);
		const suffix = name.slice('web-'.length);
		t.is(suffix.length, 5, name);
		for (const ch of suffix) t.true(alphabet.includes(ch), `${ch} in ${name}`);
		seen.add(name);
	}
	t.is(seen.size, 20);
});

test('status is the system\'s to write: a create drops the status it was given', t => {
	const cluster = createCluster();
	const pod = cluster.client.create<Pod>('pods', {...podObject('p'), status: {phase: 'Running', podIP: '1.2.3.4'}} as Pod);
	t.is(pod.status?.phase, 'Pending');
	t.is(pod.status?.podIP, undefined);
});

test('stored objects are frozen: mutating one throws', t => {
	const cluster = createCluster();
	cluster.client.create('pods', podObject('p'));
	const pod = cluster.client.get<Pod>('pods', 'p');
	t.true(Object.isFrozen(pod));
	t.throws(() => {
		pod.metadata!.name = 'other';
	}, {instanceOf: TypeError});
	t.throws(() => {
		pod.spec!.containers[0]!.image = 'evil';
	}, {instanceOf: TypeError});
	const listed = cluster.client.list<Pod>('pods').items[0]!;
	t.throws(() => {
		listed.metadata!.labels = {};
	}, {instanceOf: TypeError});
	t.is(cluster.client.get<Pod>('pods', 'p').spec!.containers[0]!.image, 'nginx:1.27');
});

test('create does not keep a reference to the caller\'s object', t => {
	const cluster = createCluster();
	const input = podObject('p');
	cluster.client.create('pods', input);
	input.spec!.containers[0]!.image = 'changed';
	t.is(cluster.client.get<Pod>('pods', 'p').spec!.containers[0]!.image, 'nginx:1.27');
	t.false(Object.isFrozen(input));
});

test('Deployment defaults: RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600', t => {
	const cluster = createCluster();
	const input = deploymentObject('web', 3);
	const d = cluster.client.create<Deployment>('deployments', input);
	t.deepEqual(d.spec!.strategy, {type: 'RollingUpdate', rollingUpdate: {maxUnavailable: '25%', maxSurge: '25%'}});
	t.is(d.spec!.revisionHistoryLimit, 10);
	t.is(d.spec!.progressDeadlineSeconds, 600);
	t.is(d.metadata!.generation, 1);
	// The pod template gets the pod defaults, but not the admission-time tolerations.
	const podSpec = d.spec!.template!.spec!;
	t.is(podSpec.restartPolicy, 'Always');
	t.is(podSpec.terminationGracePeriodSeconds, 30);
	t.is(podSpec.containers[0]!.imagePullPolicy, 'IfNotPresent');
	t.is(podSpec.tolerations, undefined);
});

test('Deployment replicas default to 1 and an explicit strategy is kept', t => {
	const cluster = createCluster();
	const input = deploymentObject('web', 1, {maxSurge: 0, maxUnavailable: 1});
	delete input.spec!.replicas;
	const d = cluster.client.create<Deployment>('deployments', input);
	t.is(d.spec!.replicas, 1);
	t.deepEqual(d.spec!.strategy!.rollingUpdate, {maxUnavailable: 1, maxSurge: 0});
});

test('Pod defaults: restartPolicy, grace period, pull policy by tag, and the not-ready/unreachable tolerations', t => {
	const cluster = createCluster();
	const pod = cluster.client.create<Pod>('pods', {
		apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p'},
		spec: {containers: [
			{name: 'tagged', image: 'nginx:1.27'},
			{name: 'untagged', image: 'nginx'},
			{name: 'latest', image: 'busybox:latest'},
			{name: 'registry-port', image: 'localhost:5000/team/app'},
			{name: 'registry-tagged', image: 'registry.k8s.io/pause:3.10'},
			{name: 'explicit', image: 'redis', imagePullPolicy: 'Never'},
		]},
	} as Pod);
	const spec = pod.spec!;
	t.is(spec.restartPolicy, 'Always');
	t.is(spec.terminationGracePeriodSeconds, 30);
	t.deepEqual(spec.containers.map(c => [c.name, c.imagePullPolicy]), [
		['tagged', 'IfNotPresent'],
		['untagged', 'Always'],
		['latest', 'Always'],
		['registry-port', 'Always'],
		['registry-tagged', 'IfNotPresent'],
		['explicit', 'Never'],
	]);
	t.deepEqual(spec.tolerations, [
		{key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
		{key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
	]);
	t.is(pod.status?.phase, 'Pending');
	t.is(pod.status?.qosClass, 'BestEffort');
});

test('a pod that already tolerates not-ready keeps its own toleration and gets only the missing default', t => {
	const cluster = createCluster();
	const own = {key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10};
	const pod = cluster.client.create<Pod>('pods', {...podObject('p'), spec: {...podObject('p').spec!, tolerations: [own]}} as Pod);
	t.deepEqual(pod.spec!.tolerations, [
		own,
		{key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300},
	]);
});

test('objects in a namespace that does not exist are refused', t => {
	const cluster = createCluster();
	const error = t.throws(() => cluster.client.create('pods', podObject('p', {namespace: 'nope'})));
	t.is(error?.message, 'namespaces "nope" not found');
	t.is((error as any).status.code, 404);
	t.is((error as any).status.reason, 'NotFound');
	t.is(cluster.client.list('pods').items.length, 0);
	// Once the namespace exists, and the serviceaccounts controller has given it its default ServiceAccount (at the
	// next tick), the same create works. Before that, the ServiceAccount admission plugin refuses it, as upstream.
	cluster.client.create('namespaces', {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'nope'}});
	t.throws(() => cluster.client.create('pods', podObject('p', {namespace: 'nope'})), {
		message: 'pods "p" is forbidden: error looking up service account nope/default: serviceaccount "default" not found',
	});
	cluster.step();
	t.is(cluster.client.create('pods', podObject('p', {namespace: 'nope'})).metadata!.namespace, 'nope');
});

test('a duplicate create is 409 AlreadyExists', t => {
	const cluster = createCluster();
	cluster.client.create('pods', podObject('x'));
	const error = t.throws(() => cluster.client.create('pods', podObject('x')));
	t.is(error?.message, 'pods "x" already exists');
	t.is((error as any).status.code, 409);
	t.is((error as any).status.reason, 'AlreadyExists');
	cluster.client.create('deployments', deploymentObject('web', 1));
	const dup = t.throws(() => cluster.client.create('deployments', deploymentObject('web', 1)));
	t.is(dup?.message, 'deployments.apps "web" already exists');
});

test('get of a missing object is 404 NotFound with the group-qualified resource', t => {
	const cluster = createCluster();
	const podError = t.throws(() => cluster.client.get('pods', 'x'));
	t.is(podError?.message, 'pods "x" not found');
	t.is((podError as any).status.code, 404);
	t.is((podError as any).status.reason, 'NotFound');
	const deployError = t.throws(() => cluster.client.get('deployments', 'x'));
	t.is(deployError?.message, 'deployments.apps "x" not found');
	t.is(cluster.client.find('pods', 'x'), undefined);
	const deleteError = t.throws(() => cluster.client.delete('deployments', 'x'));
	t.is(deleteError?.message, 'deployments.apps "x" not found');
});
