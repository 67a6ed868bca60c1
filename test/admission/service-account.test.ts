import test from 'ava';
import {createCluster, isStatusError, type Pod, type ServiceAccount} from '../../source/cluster/index.js';
import {podObject} from '../helpers/cluster.js';

const mountPath = '/var/run/secrets/kubernetes.io/serviceaccount';

function forbidden(fn: () => unknown): string {
	try {
		fn();
	} catch (error) {
		if (isStatusError(error, 'Forbidden')) return error.message;
		throw error;
	}
	throw new Error('expected Forbidden');
}

test('a pod runs as `default` and gets the projected API token volume, mounted read-only in every container', t => {
	const cluster = createCluster();
	const pod = podObject('p');
	pod.spec!.initContainers = [{name: 'init', image: 'busybox:1.36'}];
	const created = cluster.client.create<Pod>('pods', pod);
	const spec = created.spec!;
	t.is(spec.serviceAccountName, 'default');
	const volume = spec.volumes!.find(v => v.name.startsWith('kube-api-access-'))!;
	t.regex(volume.name, /^kube-api-access-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
	t.deepEqual(volume.projected, {
		defaultMode: 420,
		sources: [
			{serviceAccountToken: {expirationSeconds: 3607, path: 'token'}},
			{configMap: {name: 'kube-root-ca.crt', items: [{key: 'ca.crt', path: 'ca.crt'}]}},
			{downwardAPI: {items: [{path: 'namespace', fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.namespace'}}]}},
		],
	});
	for (const c of [...spec.initContainers!, ...spec.containers]) {
		t.deepEqual(c.volumeMounts, [{name: volume.name, readOnly: true, mountPath}], c.name);
	}
});

test('the volume suffix comes from the seeded generator: same seed, same name; a dry run draws nothing', t => {
	const volumeName = (pod: Pod) => pod.spec!.volumes![0]!.name;
	const a = createCluster({seed: 7});
	const b = createCluster({seed: 7});
	// b plans the pod first (kubectl apply's dry run); it must not change what the real create draws.
	const planned = b.client.validate('pods', podObject('p'));
	t.is(volumeName(planned as Pod), 'kube-api-access-xxxxx');
	const fromA = a.client.create<Pod>('pods', podObject('p'));
	const fromB = b.client.create<Pod>('pods', podObject('p'));
	t.is(volumeName(fromA), volumeName(fromB));
	t.is(fromA.metadata!.uid, fromB.metadata!.uid);
	t.not(volumeName(createCluster({seed: 8}).client.create<Pod>('pods', podObject('p'))), volumeName(fromA));
});

test('automountServiceAccountToken: the pod\'s choice wins, then the ServiceAccount\'s', t => {
	const cluster = createCluster();
	const optOut = {...podObject('a'), spec: {...podObject('a').spec!, automountServiceAccountToken: false}};
	t.is(cluster.client.create<Pod>('pods', optOut).spec!.volumes, undefined);
	cluster.client.create<ServiceAccount>('serviceaccounts', {apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name: 'quiet'}, automountServiceAccountToken: false});
	const quiet = cluster.client.create<Pod>('pods', {...podObject('b'), spec: {...podObject('b').spec!, serviceAccountName: 'quiet'}});
	t.is(quiet.spec!.volumes, undefined);
	t.is(quiet.spec!.containers[0]!.volumeMounts, undefined);
	const insists = cluster.client.create<Pod>('pods', {...podObject('c'), spec: {...podObject('c').spec!, serviceAccountName: 'quiet', automountServiceAccountToken: true}});
	t.is(insists.spec!.volumes!.length, 1);
});

test('a container that already mounts something at the token path keeps it', t => {
	const cluster = createCluster();
	const pod = podObject('p');
	pod.spec!.volumes = [{name: 'own', emptyDir: {}}];
	pod.spec!.containers.push({name: 'side', image: 'busybox:1.36', volumeMounts: [{name: 'own', mountPath}]});
	const spec = cluster.client.create<Pod>('pods', pod).spec!;
	t.deepEqual(spec.containers.find(c => c.name === 'side')!.volumeMounts, [{name: 'own', mountPath}]);
	t.is(spec.containers.find(c => c.name === 'main')!.volumeMounts![0]!.mountPath, mountPath);
	t.deepEqual(spec.volumes!.map(v => v.name.replace(/-[a-z0-9]{5}$/, '-*')), ['own', 'kube-api-access-*']);
});

test('a pod gets its ServiceAccount\'s imagePullSecrets unless it names its own', t => {
	const cluster = createCluster();
	cluster.client.create('serviceaccounts', {apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name: 'builder'}, imagePullSecrets: [{name: 'registry'}]} as ServiceAccount);
	const pod = cluster.client.create<Pod>('pods', {...podObject('p'), spec: {...podObject('p').spec!, serviceAccountName: 'builder'}});
	t.deepEqual(pod.spec!.imagePullSecrets, [{name: 'registry'}]);
	const own = cluster.client.create<Pod>('pods', {...podObject('q'), spec: {...podObject('q').spec!, serviceAccountName: 'builder', imagePullSecrets: [{name: 'mine'}]}});
	t.deepEqual(own.spec!.imagePullSecrets, [{name: 'mine'}]);
});

test('a ServiceAccount that does not exist is refused with upstream\'s message; a generated name quotes its prefix', t => {
	const cluster = createCluster();
	const robot = {...podObject('p'), spec: {...podObject('p').spec!, serviceAccountName: 'robot'}};
	t.is(forbidden(() => cluster.client.create('pods', robot)), 'pods "p" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found');
	// Mutating admission runs before the name is generated: the refusal names the generateName prefix.
	const generated = {...robot, metadata: {generateName: 'web-7d9c-'}};
	t.is(forbidden(() => cluster.client.create('pods', generated)), 'pods "web-7d9c-" is forbidden: error looking up service account default/robot: serviceaccount "robot" not found');
	t.is(cluster.client.list('pods').items.length, 0);
	cluster.client.create('serviceaccounts', {apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name: 'robot'}});
	t.is(cluster.client.create<Pod>('pods', robot).spec!.serviceAccountName, 'robot');
});

test('the namespace check answers first: a pod in a missing namespace is NotFound, not a ServiceAccount error', t => {
	const cluster = createCluster();
	const error = (() => {
		try {
			cluster.client.create('pods', podObject('p', {namespace: 'ghost'}));
		} catch (e) {
			return e as Error;
		}
		return undefined;
	})();
	t.is(error?.message, 'namespaces "ghost" not found');
});
