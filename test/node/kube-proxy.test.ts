// kube-proxy's per-node rule tables, one tick behind the EndpointSlices they are built from; cluster DNS names.
import test from 'ava';
import type {EndpointSlice, Service} from '../../source/cluster/index.js';
import {clusterWith, deploymentObject, nodeObject, stepUntil} from '../helpers/cluster.js';

const service = (name: string, spec: Record<string, unknown> = {}, namespace = 'default'): Service => ({
	apiVersion: 'v1', kind: 'Service', metadata: {name, namespace},
	spec: {selector: {app: name}, ports: [{port: 80}], ...spec},
} as Service);

const readyEndpoints = (cluster: ReturnType<typeof clusterWith>, name: string) => cluster.client
	.list<EndpointSlice>('endpointslices', {labelSelector: `kubernetes.io/service-name=${name}`}).items
	.flatMap(s => (s.endpoints ?? []).filter(e => e.conditions?.ready).flatMap(e => e.addresses ?? [])).sort();

const rule = (cluster: ReturnType<typeof clusterWith>, node: string, service: string) =>
	cluster.proxyRules(node)?.rules.find(r => r.service === service);

test('every node has its own table; it follows the EndpointSlices one tick later', t => {
	const cluster = clusterWith([nodeObject('worker-1'), nodeObject('worker-2')]);
	const svc = cluster.client.create<Service>('services', service('web', {type: 'NodePort'}));
	cluster.client.create('deployments', deploymentObject('web', 3));
	stepUntil(cluster, () => readyEndpoints(cluster, 'web').length === 3, 40, 'three ready endpoints');
	// The slice was written this tick: no kube-proxy has seen it yet.
	for (const node of ['worker-1', 'worker-2']) t.not(rule(cluster, node, 'default/web')?.endpoints.filter(e => e.ready).length, 3);
	cluster.step();
	for (const node of ['worker-1', 'worker-2']) {
		const r = rule(cluster, node, 'default/web')!;
		t.is(r.clusterIP, svc.spec!.clusterIP!);
		t.is(r.port, 80);
		t.is(r.nodePort, svc.spec!.ports![0]!.nodePort);
		t.deepEqual(r.endpoints.filter(e => e.ready).map(e => e.ip), readyEndpoints(cluster, 'web'));
		t.true(r.endpoints.every(e => e.port === 80 && e.pod?.name.startsWith('web-')));
		t.is(cluster.proxyRules(node)!.syncedTick, cluster.clock.tick);
	}
	// The kubernetes Service is in every table too; headless Services are not.
	t.deepEqual(rule(cluster, 'worker-1', 'default/kubernetes')?.endpoints.map(e => `${e.ip}:${e.port}`), ['172.18.0.2:6443']);
	cluster.client.create('services', service('db', {clusterIP: 'None'}));
	cluster.step(3);
	t.is(rule(cluster, 'worker-1', 'default/db'), undefined);
	t.is(cluster.proxyRules('no-such-node'), undefined);
	// Deleting the Service removes its rule (a tick after the delete is seen).
	cluster.client.delete('services', 'web');
	cluster.step();
	t.is(rule(cluster, 'worker-2', 'default/web'), undefined);
});

test('cluster DNS: short names through the pod search path, FQDNs, headless Services to their ready endpoints', t => {
	const cluster = clusterWith([nodeObject('worker-1')]);
	cluster.client.create('namespaces', {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'shop'}});
	const web = cluster.client.create<Service>('services', service('web'));
	const cart = cluster.client.create<Service>('services', service('cart', {}, 'shop'), {namespace: 'shop'});
	cluster.client.create('services', service('db', {clusterIP: 'None'}));
	const {dns} = cluster;
	t.deepEqual(dns.resolveServiceName('web', 'default'), [web.spec!.clusterIP!]);
	t.deepEqual(dns.resolveServiceName('web.default', 'shop'), [web.spec!.clusterIP!]);
	t.deepEqual(dns.resolveServiceName('web.default.svc', 'shop'), [web.spec!.clusterIP!]);
	t.deepEqual(dns.resolveServiceName('web.default.svc.cluster.local', 'shop'), [web.spec!.clusterIP!]);
	t.deepEqual(dns.resolveServiceName('web.default.svc.cluster.local.', 'shop'), [web.spec!.clusterIP!]);
	t.deepEqual(dns.resolveServiceName('cart', 'shop'), [cart.spec!.clusterIP!]);
	t.is(dns.resolveServiceName('cart', 'default'), undefined);
	t.deepEqual(dns.resolveServiceName('kubernetes.default', 'shop'), ['10.96.0.1']);
	t.deepEqual(dns.resolveServiceName('kube-dns.kube-system.svc.cluster.local', 'default'), ['10.96.0.10']);
	t.is(dns.resolveServiceName('nothing', 'default'), undefined);
	t.is(dns.resolveServiceName('', 'default'), undefined);
	t.deepEqual(dns.searchPath('shop'), ['shop.svc.cluster.local', 'svc.cluster.local', 'cluster.local']);
	// Headless: no answer until a pod is ready, then the pods' own IPs.
	t.is(dns.resolveServiceName('db', 'default'), undefined);
	cluster.client.create('deployments', deploymentObject('db', 2));
	stepUntil(cluster, () => readyEndpoints(cluster, 'db').length === 2, 40, 'db endpoints');
	t.deepEqual(dns.resolveServiceName('db', 'default'), readyEndpoints(cluster, 'db'));
});
