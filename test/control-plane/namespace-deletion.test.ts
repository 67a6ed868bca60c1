import test from 'ava';
import {CommandError, type Cluster, type Namespace, type NamespaceCondition} from '../../source/cluster/index.js';
import {clusterWith, deploymentObject, nodeObject, podObject, pods, stepUntil, allRunning, tempFile} from '../helpers/cluster.js';

const namespace = (name: string): Namespace => ({apiVersion: 'v1', kind: 'Namespace', metadata: {name}});

function shopWithWeb(): Cluster {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('namespaces', namespace('shop'));
	cluster.client.create('deployments', deploymentObject('web', 3, {namespace: 'shop'}));
	cluster.client.create('configmaps', {apiVersion: 'v1', kind: 'ConfigMap', metadata: {name: 'settings', namespace: 'shop'}, data: {a: '1'}});
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 3), 20, 'web running');
	return cluster;
}

const failure = (cluster: Cluster, command: string): string => {
	try {
		cluster.run(command);
	} catch (error) {
		if (error instanceof CommandError) return error.message;
		throw error;
	}
	throw new Error(`expected "${command}" to fail`);
};

const condition = (ns: Namespace | undefined, type: string): NamespaceCondition | undefined => ns?.status?.conditions?.find(c => c.type === type);

test('delete namespace: Terminating, its pods terminate, its content goes, then the namespace itself', t => {
	const cluster = shopWithWeb();
	t.is(cluster.run('delete namespace shop').message, 'namespace "shop" deleted');
	// The API server only marks it: deletionTimestamp, phase Terminating, still held by the kubernetes finalizer.
	let ns = cluster.client.get<Namespace>('namespaces', 'shop');
	t.truthy(ns.metadata!.deletionTimestamp);
	t.is(ns.status!.phase, 'Terminating');
	t.deepEqual(ns.spec!.finalizers, ['kubernetes']);
	t.is(cluster.trace.list().at(-1)!.verb, 'delete');

	// Nothing new may be created in it meanwhile.
	const file = tempFile('late.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: late\n  namespace: shop\n');
	t.is(failure(cluster, `apply -f ${file}`),
		`${file}:5:14: configmaps "late" is forbidden: unable to create new content in namespace shop because it is being terminated`);
	t.throws(() => cluster.client.create('pods', podObject('late', {namespace: 'shop'})), {
		message: 'pods "late" is forbidden: unable to create new content in namespace shop because it is being terminated',
	});

	// The namespace controller empties it: pods are deleted gracefully and reported as remaining while they stop.
	stepUntil(cluster, () => pods(cluster, 'app=web').every(p => p.metadata!.deletionTimestamp), 10, 'pods terminating');
	ns = cluster.client.get<Namespace>('namespaces', 'shop');
	t.deepEqual(condition(ns, 'NamespaceContentRemaining'), {
		type: 'NamespaceContentRemaining', status: 'True', lastTransitionTime: condition(ns, 'NamespaceContentRemaining')!.lastTransitionTime,
		reason: 'SomeResourcesRemain', message: 'Some resources are remaining: pods. has 3 resource instances',
	});
	t.like(condition(ns, 'NamespaceFinalizersRemaining'), {status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished'});
	t.like(condition(ns, 'NamespaceDeletionDiscoveryFailure'), {status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered'});
	t.deepEqual(ns.status!.conditions!.map(c => c.type), [
		'NamespaceDeletionDiscoveryFailure', 'NamespaceDeletionGroupVersionParsingFailure', 'NamespaceDeletionContentFailure',
		'NamespaceContentRemaining', 'NamespaceFinalizersRemaining',
	]);
	// Everything but the terminating pods went at once, of every namespaced kind (from the registry).
	for (const resource of ['deployments', 'replicasets', 'configmaps', 'serviceaccounts', 'events']) {
		t.is(cluster.client.list(resource, {namespace: 'shop'}).items.length, 0, resource);
	}
	t.true(pods(cluster, 'app=web').length > 0);

	// The kubelet finishes the pods; then the controller removes its finalizer and the namespace is gone.
	stepUntil(cluster, () => !cluster.client.find('namespaces', 'shop'), 30, 'namespace gone');
	t.is(pods(cluster).filter(p => p.metadata!.namespace === 'shop').length, 0);
	const finalize = cluster.trace.list().filter(e => e.resource === 'namespaces' && e.name === 'shop').at(-1)!;
	t.like(finalize, {component: 'system:serviceaccount:kube-system:namespace-controller', verb: 'delete', reason: 'namespace is empty: finalizer kubernetes removed'});
	// The default ServiceAccount was not re-created in the terminating namespace.
	t.false(cluster.trace.list().some(e => e.resource === 'serviceaccounts' && e.namespace === 'shop' && e.verb === 'create' && e.tick > 1));
	// And a namespace of the same name may be created again.
	t.is(cluster.client.create<Namespace>('namespaces', namespace('shop')).status!.phase, 'Active');
});

test('ns/NAME works too; deleting a terminating namespace again changes nothing', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('namespaces', namespace('tmp'));
	t.is(cluster.run('delete ns/tmp').message, 'namespace "tmp" deleted');
	const marked = cluster.client.get<Namespace>('namespaces', 'tmp');
	t.is(cluster.run('delete ns tmp').message, 'namespace "tmp" deleted');
	t.is(cluster.client.get<Namespace>('namespaces', 'tmp').metadata!.resourceVersion, marked.metadata!.resourceVersion);
	stepUntil(cluster, () => !cluster.client.find('namespaces', 'tmp'), 15, 'namespace gone');
});

test('default, kube-system and kube-public cannot be deleted', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	for (const name of ['default', 'kube-system', 'kube-public']) {
		t.is(failure(cluster, `delete namespace ${name}`), `Error from server (Forbidden): namespaces "${name}" is forbidden: this namespace may not be deleted`);
		t.is(cluster.client.get<Namespace>('namespaces', name).status!.phase, 'Active');
	}
});

test('spec.finalizers changes only through namespaces/finalize, and kubernetes is always added at create', t => {
	const cluster = clusterWith([]);
	const ns = cluster.client.create<Namespace>('namespaces', {...namespace('team'), spec: {finalizers: ['example.com/keep']}});
	t.deepEqual(ns.spec!.finalizers, ['example.com/keep', 'kubernetes']);
	t.deepEqual(cluster.client.update<Namespace>('namespaces', {...ns, spec: {finalizers: []}}).spec!.finalizers, ['example.com/keep', 'kubernetes']);
	// Another finalizer keeps a finalized namespace: the controller removes only its own.
	cluster.run('delete namespace team');
	stepUntil(cluster, () => cluster.client.get<Namespace>('namespaces', 'team').spec!.finalizers!.length === 1, 15, 'kubernetes finalizer removed');
	t.deepEqual(cluster.client.get<Namespace>('namespaces', 'team').spec!.finalizers, ['example.com/keep']);
	cluster.client.writeSubresource('namespaces', 'team', 'finalize', {spec: {finalizers: []}});
	t.is(cluster.client.find('namespaces', 'team'), undefined);
});

test('objects held by finalizers keep the namespace, reported in NamespaceFinalizersRemaining', t => {
	const cluster = clusterWith([]);
	cluster.client.create('namespaces', namespace('held'));
	cluster.step();
	const pod = podObject('p', {namespace: 'held'});
	pod.metadata!.finalizers = ['example.com/hold'];
	cluster.client.create('pods', pod);
	cluster.run('delete namespace held');
	const reported = () => condition(cluster.client.get<Namespace>('namespaces', 'held'), 'NamespaceFinalizersRemaining')?.status === 'True';
	stepUntil(cluster, reported, 15, 'finalizers reported');
	const ns = cluster.client.get<Namespace>('namespaces', 'held');
	t.is(condition(ns, 'NamespaceFinalizersRemaining')!.message, 'Some content in the namespace has finalizers remaining: example.com/hold in 1 resource instances');
	t.like(condition(ns, 'NamespaceFinalizersRemaining'), {reason: 'SomeFinalizersRemain'});
	t.is(condition(ns, 'NamespaceContentRemaining')!.message, 'Some resources are remaining: pods. has 1 resource instances');
	// Long after, it is still there: the finalizer's owner has not let go.
	cluster.step(40);
	t.truthy(cluster.client.find('namespaces', 'held'));
	t.truthy(cluster.client.get('pods', 'p', 'held').metadata!.deletionTimestamp);
	// Once it does, the pod goes, and then the namespace.
	cluster.client.patch('pods', 'p', {metadata: {finalizers: null}}, {namespace: 'held'});
	t.is(cluster.client.find('pods', 'p', 'held'), undefined);
	t.notThrows(() => stepUntil(cluster, () => !cluster.client.find('namespaces', 'held'), 30, 'namespace gone'));
});
