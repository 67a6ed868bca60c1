import test from 'ava';
import {createCluster, lookupResource, type ServiceAccount} from '../../source/cluster/index.js';
import {clusterWith, deploymentObject, events, nodeObject, pods, stepUntil} from '../helpers/cluster.js';

const controller = 'system:serviceaccount:kube-system:service-account-controller';
const accounts = (cluster: ReturnType<typeof createCluster>, namespace?: string) =>
	cluster.client.list<ServiceAccount>('serviceaccounts', namespace ? {namespace} : {}).items.map(sa => `${sa.metadata!.namespace}/${sa.metadata!.name}`);

test('every bootstrap namespace has its default ServiceAccount before the first tick', t => {
	const cluster = createCluster();
	t.deepEqual(accounts(cluster), ['default/default', 'kube-node-lease/default', 'kube-public/default', 'kube-system/default']);
	t.true(cluster.trace.list({tick: 0}).filter(e => e.resource === 'serviceaccounts').every(e => e.component === controller));
});

test('a new namespace gets its default ServiceAccount at the next tick, in time for a deployment\'s pods', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('namespaces', {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'shop'}});
	cluster.client.create('deployments', deploymentObject('web', 2, {namespace: 'shop'}));
	t.deepEqual(accounts(cluster, 'shop'), []);
	cluster.step();
	t.deepEqual(accounts(cluster, 'shop'), ['shop/default']);
	t.like(cluster.trace.list({tick: 1}).find(e => e.resource === 'serviceaccounts')!, {component: controller, verb: 'create', namespace: 'shop', name: 'default'});
	// Tick 2: the ReplicaSet's pods are admitted as the new ServiceAccount, with no failed create on the way.
	cluster.step();
	t.deepEqual(pods(cluster, 'app=web').map(p => p.spec!.serviceAccountName), ['default', 'default']);
	t.is(events(cluster, 'FailedCreate').length, 0);
});

test('a deleted default ServiceAccount comes back at the next tick; other ServiceAccounts are left alone', t => {
	const cluster = createCluster();
	cluster.client.create('serviceaccounts', {apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name: 'robot'}});
	cluster.step();
	const before = cluster.client.get<ServiceAccount>('serviceaccounts', 'default');
	cluster.client.delete('serviceaccounts', 'default');
	cluster.client.delete('serviceaccounts', 'robot');
	t.deepEqual(accounts(cluster, 'default'), []);
	stepUntil(cluster, () => accounts(cluster, 'default').length > 0, 3, 'default back');
	t.deepEqual(accounts(cluster, 'default'), ['default/default']);
	t.not(cluster.client.get<ServiceAccount>('serviceaccounts', 'default').metadata!.uid, before.metadata!.uid);
	cluster.step(3);
	t.deepEqual(accounts(cluster, 'default'), ['default/default']);
	const status = cluster.components().find(c => c.name === 'serviceaccount-controller')!;
	t.like(status, {identity: controller, state: 'idle', failures: 0, queue: 0});
});

test('kubectl get serviceaccounts prints NAME SECRETS AGE', t => {
	const cluster = createCluster();
	const type = lookupResource('sa')!;
	const sa = cluster.client.get<ServiceAccount>('serviceaccounts', 'default');
	const now = Date.parse(sa.metadata!.creationTimestamp!) + 1000;
	t.deepEqual(type.columns.map(c => [c.name, c.value(sa, {now})]), [['NAME', 'default'], ['SECRETS', '0'], ['AGE', '1s']]);
	t.deepEqual(type.describe!(sa, {now}), [['Image pull secrets', '<none>'], ['Mountable secrets', '<none>'], ['Tokens', '<none>']]);
});
