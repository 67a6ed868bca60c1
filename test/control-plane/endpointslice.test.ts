// The EndpointSlice controller: slices follow the pods a Service selects as they come, become ready, terminate and go.
import test from 'ava';
import type {EndpointSlice, Service} from '../../source/cluster/index.js';
import {allRunning, clusterWith, deploymentObject, nodeObject, pods, stepUntil} from '../helpers/cluster.js';

const service = (name: string, spec: Record<string, unknown> = {}): Service => ({
	apiVersion: 'v1', kind: 'Service', metadata: {name, labels: {tier: 'front'}},
	spec: {selector: {app: name}, ports: [{name: 'http', port: 80, targetPort: 8080}], ...spec},
} as Service);

const slicesOf = (cluster: ReturnType<typeof clusterWith>, name: string) =>
	cluster.client.list<EndpointSlice>('endpointslices', {labelSelector: `kubernetes.io/service-name=${name}`}).items;

const nodes = () => [nodeObject('worker-1', {labels: {'topology.kubernetes.io/zone': 'zone-a'}}), nodeObject('worker-2', {labels: {'topology.kubernetes.io/zone': 'zone-b'}})];

test('a Service gets a placeholder slice, then one ready endpoint per running pod, with upstream labels and fields', t => {
	const cluster = clusterWith(nodes());
	cluster.client.create('services', service('web'));
	cluster.step(2);
	const [placeholder] = slicesOf(cluster, 'web');
	t.deepEqual(placeholder?.endpoints, []);
	t.regex(placeholder!.metadata!.name!, /^web-[a-z0-9]{5}$/);
	t.is(placeholder?.metadata?.labels?.['endpointslice.kubernetes.io/managed-by'], 'endpointslice-controller.k8s.io');
	t.is(placeholder?.metadata?.labels?.['tier'], 'front');
	t.deepEqual(placeholder?.metadata?.ownerReferences?.map(r => [r.kind, r.name, r.controller]), [['Service', 'web', true]]);

	cluster.client.create('deployments', deploymentObject('web', 3));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 3) && (slicesOf(cluster, 'web')[0]?.endpoints ?? []).filter(e => e.conditions?.ready).length === 3, 40, 'three ready endpoints');
	const slices = slicesOf(cluster, 'web');
	t.is(slices.length, 1);
	const slice = slices[0]!;
	t.is(slice.addressType, 'IPv4');
	t.deepEqual(slice.ports, [{name: 'http', port: 8080, protocol: 'TCP'}]);
	// kubectl describe service lists the ready endpoints of each port.
	t.regex(cluster.run('describe svc/web').message, /\nEndpoints:\s+(10\.244\.\d+\.\d+:8080,){2}10\.244\.\d+\.\d+:8080\n/);
	const byPod = new Map(pods(cluster, 'app=web').map(p => [p.metadata!.name!, p]));
	for (const endpoint of slice.endpoints!) {
		const pod = byPod.get(endpoint.targetRef!.name!)!;
		t.deepEqual(endpoint.addresses, [pod.status!.podIP!]);
		t.is(endpoint.nodeName, pod.spec!.nodeName);
		t.is(endpoint.zone, pod.spec!.nodeName === 'worker-1' ? 'zone-a' : 'zone-b');
		t.deepEqual(endpoint.conditions, {ready: true, serving: true, terminating: false});
		t.is(endpoint.targetRef?.uid, pod.metadata!.uid);
	}
});

test('a terminating pod stays as a terminating endpoint, not ready, until it is gone', t => {
	const cluster = clusterWith(nodes());
	cluster.client.create('services', service('web'));
	cluster.client.create('deployments', deploymentObject('web', 2));
	stepUntil(cluster, () => (slicesOf(cluster, 'web')[0]?.endpoints ?? []).filter(e => e.conditions?.ready).length === 2, 40, 'two ready endpoints');
	const victim = pods(cluster, 'app=web')[0]!;
	cluster.client.delete('pods', victim.metadata!.name!, {namespace: 'default', gracePeriodSeconds: 30});
	stepUntil(cluster, () => slicesOf(cluster, 'web')[0]!.endpoints!.some(e => e.targetRef?.name === victim.metadata!.name && e.conditions?.terminating), 5, 'terminating endpoint');
	const endpoint = slicesOf(cluster, 'web')[0]!.endpoints!.find(e => e.targetRef?.name === victim.metadata!.name)!;
	t.false(endpoint.conditions?.ready);
	stepUntil(cluster, () => !slicesOf(cluster, 'web')[0]!.endpoints!.some(e => e.targetRef?.name === victim.metadata!.name), 40, 'endpoint removed');
	stepUntil(cluster, () => slicesOf(cluster, 'web')[0]!.endpoints!.filter(e => e.conditions?.ready).length === 2, 40, 'replacement ready');
	t.pass();
});

test('more than 100 endpoints are split over slices; deleting the Service deletes them', t => {
	const cluster = clusterWith([nodeObject('worker-1', {pods: '200', cpu: '64', memory: '256Gi'})]);
	cluster.client.create('services', service('big'));
	cluster.client.create('deployments', deploymentObject('big', 130));
	stepUntil(cluster, () => slicesOf(cluster, 'big').reduce((n, s) => n + (s.endpoints?.length ?? 0), 0) === 130, 80, '130 endpoints');
	t.deepEqual(slicesOf(cluster, 'big').map(s => s.endpoints!.length).sort((a, b) => a - b), [30, 100]);
	cluster.client.delete('services', 'big');
	stepUntil(cluster, () => slicesOf(cluster, 'big').length === 0, 5, 'slices collected');
	t.pass();
});

test('a Service without a selector gets no slices, and pods no Service selects give the controller no work', t => {
	const cluster = clusterWith(nodes());
	cluster.client.create('services', service('external', {selector: undefined}));
	cluster.step(2);
	const passes = () => cluster.components().find(c => c.name === 'endpointslice-controller')!.passes;
	const before = passes();
	cluster.client.create('deployments', deploymentObject('web', 3));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 3), 40, 'pods running');
	t.is(passes(), before);
	t.deepEqual(slicesOf(cluster, 'external'), []);
});
