// The simulated cloud and the cloud-controller-manager: nodes initialised from their instances, LoadBalancer Services
// given an address after the cloud's delay and released on delete, instances that die, zones that fail.
import test from 'ava';
import type {CloudSpec, Node, Service} from '../../source/cluster/index.js';
import {createCluster} from '../../source/cluster/index.js';
import {allRunning, clusterWith, deploymentObject, eventsFor, nodeObject, pods, stepUntil} from '../helpers/cluster.js';

const cloud: CloudSpec = {
	region: 'region-1', zones: ['zone-a', 'zone-b'], loadBalancerDelaySeconds: 5,
	instanceTypes: [{name: 'small', cpu: '2', memory: '4Gi'}, {name: 'large', cpu: '8', memory: '32Gi', pods: '50'}],
};

const lbService = (name: string): Service => ({
	apiVersion: 'v1', kind: 'Service', metadata: {name}, spec: {type: 'LoadBalancer', selector: {app: name}, ports: [{port: 80}]},
} as Service);

const node = (cluster: ReturnType<typeof createCluster>, name: string) => cluster.client.find<Node>('nodes', name);

/** What the node lifecycle controller does once a silent node's grace period is over. */
function markNotReady(cluster: ReturnType<typeof createCluster>, name: string): void {
	const current = cluster.client.get<Node>('nodes', name);
	const conditions = (current.status?.conditions ?? []).map(c => (c.type === 'Ready' ? {...c, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.'} : c));
	const {resourceVersion: _, ...metadata} = current.metadata!;
	cluster.clientFor('system:serviceaccount:kube-system:node-controller').updateStatus('nodes', {...current, metadata, status: {...current.status, conditions}});
}

test('fixture nodes become instances: providerID, region, zone and instance-type labels from the cloud', t => {
	const cluster = clusterWith([nodeObject('worker-1', {cpu: '2', memory: '4Gi', labels: {'topology.kubernetes.io/zone': 'zone-b'}}), nodeObject('worker-2', {cpu: '8', memory: '32Gi'})], {cloud});
	cluster.step(2);
	const one = node(cluster, 'worker-1')!;
	t.regex(one.spec!.providerID!, /^kubetui:\/\/zone-b\/i-[0-9a-f]{17}$/);
	t.like(one.metadata!.labels, {'topology.kubernetes.io/region': 'region-1', 'topology.kubernetes.io/zone': 'zone-b', 'node.kubernetes.io/instance-type': 'small'});
	t.is(node(cluster, 'worker-2')!.metadata!.labels!['node.kubernetes.io/instance-type'], 'large');
	cluster.step();
	const addresses = node(cluster, 'worker-1')!.status!.addresses!.map(a => `${a.type}=${a.address}`);
	t.regex(addresses[0]!, /^InternalIP=172\.18\.0\.\d+$/);
	t.deepEqual(addresses.slice(1), ['InternalDNS=worker-1.region-1.compute.internal', 'Hostname=worker-1']);
	t.regex(cluster.run('describe node/worker-1').message, /\nProviderID:\s+kubetui:\/\/zone-b\//);
});

test('add node boots instances whose Nodes register with the uninitialized taint, which the cloud node controller removes', t => {
	const cluster = createCluster({cloud});
	t.is(cluster.run('add node --type large --zone zone-a --count 2').message, 'node/worker-1 added: large instance in zone-a\nnode/worker-2 added: large instance in zone-a');
	const fresh = node(cluster, 'worker-1')!;
	t.deepEqual(fresh.spec?.taints?.map(x => `${x.key}=${x.value}:${x.effect}`), ['node.cloudprovider.kubernetes.io/uninitialized=true:NoSchedule']);
	t.is(fresh.status?.capacity?.['pods'], '50');
	stepUntil(cluster, () => !node(cluster, 'worker-2')!.spec?.taints?.length, 5, 'taint removed');
	t.like(node(cluster, 'worker-2')!.metadata!.labels, {'topology.kubernetes.io/zone': 'zone-a', 'node.kubernetes.io/instance-type': 'large'});
	cluster.client.create('deployments', deploymentObject('web', 2));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 2), 40, 'pods on the new nodes');
	for (const [command, message] of [
		['add node --type huge --zone zone-a', 'error: unknown instance type "huge" (region region-1 has: small, large)'],
		['add node --type small --zone zone-z', 'error: unknown zone "zone-z" (region region-1 has: zone-a, zone-b)'],
		['add node --type small', 'error: required flag(s) "zone" not set'],
		['add node --type small --zone zone-a --count 0', 'error: invalid argument "0" for "--count" flag: expected 1 to 1000'],
		['terminate nope', 'Error from server (NotFound): nodes "nope" not found'],
		['fail zone zone-z', 'error: unknown zone "zone-z" (region region-1 has: zone-a, zone-b)'],
		['restore zone zone-a', 'error: zone "zone-a" is not down'],
	] as const) t.throws(() => cluster.run(command), {message}, command);
});

test('without a cloud provider the cloud commands say so and LoadBalancers stay pending', t => {
	const cluster = clusterWith([nodeObject('worker-1')]);
	t.throws(() => cluster.run('add node --type small --zone zone-a'), {message: /^error: this cluster has no cloud provider/});
	cluster.client.create('services', lbService('web'));
	cluster.step(15);
	t.regex(cluster.run('get svc web').message, /web\s+LoadBalancer\s+\S+\s+<pending>/);
});

test('a LoadBalancer Service gets an ingress IP after the delay, with events; deleting it releases the load balancer', t => {
	const cluster = clusterWith([nodeObject('worker-1')], {cloud});
	cluster.client.create('services', lbService('web'));
	cluster.step(2);
	const pending = cluster.client.get<Service>('services', 'web');
	t.deepEqual(pending.metadata?.finalizers, ['service.kubernetes.io/load-balancer-cleanup']);
	t.deepEqual(pending.status?.loadBalancer, {});
	t.deepEqual(eventsFor(cluster, 'web', 'EnsuringLoadBalancer').map(e => [e.message, e.source?.component]), [['Ensuring load balancer', 'service-controller']]);
	const ticks = stepUntil(cluster, () => !!cluster.client.get<Service>('services', 'web').status?.loadBalancer?.ingress, 10, 'ingress');
	t.true(ticks >= 4, `ready after ${ticks} more ticks`);
	t.deepEqual(cluster.client.get<Service>('services', 'web').status?.loadBalancer?.ingress, [{ip: '203.0.113.1', ipMode: 'VIP'}]);
	t.is(eventsFor(cluster, 'web', 'EnsuredLoadBalancer')[0]?.message, 'Ensured load balancer');
	t.regex(cluster.run('get svc web').message, /web\s+LoadBalancer\s+\S+\s+203\.0\.113\.1\s+80:\d+\/TCP/);
	// A second one gets the next address; deleting the first frees its address and the Service goes.
	cluster.client.create('services', lbService('api'));
	stepUntil(cluster, () => !!cluster.client.get<Service>('services', 'api').status?.loadBalancer?.ingress, 10, 'second ingress');
	t.is(cluster.client.get<Service>('services', 'api').status!.loadBalancer!.ingress![0]!.ip, '203.0.113.2');
	cluster.client.delete('services', 'web');
	t.truthy(cluster.client.get<Service>('services', 'web').metadata?.deletionTimestamp);
	stepUntil(cluster, () => !cluster.client.find('services', 'web'), 3, 'service gone');
	t.is(cluster.cloud.loadBalancer('default/web'), undefined);
	t.deepEqual(eventsFor(cluster, 'web').filter(e => e.reason?.startsWith('Delet')).map(e => e.message), ['Deleting load balancer', 'Deleted load balancer']);
	cluster.client.create('services', lbService('web'));
	stepUntil(cluster, () => !!cluster.client.get<Service>('services', 'web').status?.loadBalancer?.ingress, 10, 'ingress again');
	t.is(cluster.client.get<Service>('services', 'web').status!.loadBalancer!.ingress![0]!.ip, '203.0.113.1');
	// Back to ClusterIP: the load balancer and the finalizer go, the Service stays.
	cluster.client.patch('services', 'api', {spec: {type: 'ClusterIP', externalTrafficPolicy: null, allocateLoadBalancerNodePorts: null, ports: [{port: 80, targetPort: 80, protocol: 'TCP'}]}});
	stepUntil(cluster, () => !cluster.client.get<Service>('services', 'api').metadata?.finalizers, 3, 'finalizer removed');
	t.deepEqual(cluster.client.get<Service>('services', 'api').status?.loadBalancer, {});
});

test('terminate: the instance dies, its kube-proxy keeps stale rules, and once NotReady the Node is deleted by the cloud', t => {
	const cluster = clusterWith([nodeObject('worker-1'), nodeObject('worker-2')], {cloud});
	cluster.client.create('services', {...lbService('web'), spec: {selector: {app: 'web'}, ports: [{port: 80}]}} as Service);
	cluster.client.create('deployments', deploymentObject('web', 2));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 2), 40, 'pods running');
	cluster.step(3);
	t.regex(cluster.run('terminate worker-1').message, /^instance i-[0-9a-f]{17} \(node\/worker-1\) terminated$/);
	const before = cluster.proxyRules('worker-1')!;
	t.false(before.running);
	// New pods go to worker-2 (the dead node still looks Ready until the node lifecycle controller says otherwise).
	cluster.run('cordon worker-1');
	cluster.client.updateScale('deployments', 'web', 4);
	stepUntil(cluster, () => (cluster.proxyRules('worker-2')!.rules.find(r => r.service === 'default/web')?.endpoints.length ?? 0) === 4, 40, 'worker-2 sees 4 endpoints');
	// The dead host's table is as it was.
	t.deepEqual(cluster.proxyRules('worker-1')!.rules, before.rules);
	// Ready never goes away on its own here: the node lifecycle controller marks it Unknown; then the cloud acts.
	cluster.step(10);
	t.truthy(node(cluster, 'worker-1'));
	markNotReady(cluster, 'worker-1');
	stepUntil(cluster, () => !node(cluster, 'worker-1'), 7, 'node deleted');
	t.is(eventsFor(cluster, 'worker-1', 'DeletingNode')[0]?.message, 'Deleting node worker-1 because it does not exist in the cloud provider');
	cluster.step();
	t.is(cluster.proxyRules('worker-1'), undefined);
	// The pod garbage collector removes the lost node's pods; their replacements run on worker-2.
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 4) && pods(cluster, 'app=web').every(p => p.spec?.nodeName === 'worker-2'), 60, 'replacements on worker-2');
	t.throws(() => cluster.run('terminate worker-2 extra'), {message: 'error: USAGE: terminate NODE'});
});

test('a load balancer is updated when the Ready nodes change; with none it warns', t => {
	const cluster = clusterWith([nodeObject('worker-1'), nodeObject('worker-2')], {cloud});
	cluster.client.create('services', lbService('web'));
	stepUntil(cluster, () => !!cluster.client.get<Service>('services', 'web').status?.loadBalancer?.ingress, 10, 'ingress');
	t.deepEqual(eventsFor(cluster, 'web', 'UpdatedLoadBalancer'), []);
	cluster.run('add node --type small --zone zone-a');
	stepUntil(cluster, () => eventsFor(cluster, 'web', 'UpdatedLoadBalancer').length === 1, 5, 'updated for the new node');
	t.is(eventsFor(cluster, 'web', 'UpdatedLoadBalancer')[0]!.message, 'Updated load balancer with new hosts');
	// Every zone down, and the node lifecycle controller's verdict: no node is left to send to.
	cluster.run('fail zone zone-a');
	cluster.run('fail zone zone-b');
	for (const name of ['worker-1', 'worker-2', 'worker-3']) markNotReady(cluster, name);
	stepUntil(cluster, () => eventsFor(cluster, 'web', 'UnAvailableLoadBalancer').length === 1, 3, 'no hosts');
	t.is(eventsFor(cluster, 'web', 'UnAvailableLoadBalancer')[0]!.message, 'There are no available nodes for LoadBalancer');
});

test('fail zone: its nodes are cut off (partitioned) and unreachable but stay (their instances exist); restore heals them', t => {
	const cluster = clusterWith([nodeObject('worker-1', {labels: {'topology.kubernetes.io/zone': 'zone-a'}}), nodeObject('worker-2', {labels: {'topology.kubernetes.io/zone': 'zone-b'}})], {cloud});
	cluster.step(2);
	t.is(cluster.run('fail zone zone-a').message, 'zone zone-a failed: worker-1 cut off');
	t.throws(() => cluster.run('add node --type small --zone zone-a'), {message: 'error: zone "zone-a" is down: no instance can start there'});
	t.false(cluster.cloud.reachable('worker-1'));
	// The hosts run on, cut off: the kubelet is partitioned, kube-proxy keeps its stale rules.
	t.is(cluster.components().find(c => c.name === 'kubelet/worker-1')?.state, 'partitioned');
	t.false(cluster.proxyRules('worker-1')!.running);
	markNotReady(cluster, 'worker-1');
	cluster.step(12);
	t.truthy(node(cluster, 'worker-1'), 'an instance that exists is not deleted');
	t.is(cluster.run('restore zone zone-a').message, 'zone zone-a restored: worker-1 back');
	t.true(cluster.cloud.reachable('worker-1'));
	t.not(cluster.components().find(c => c.name === 'kubelet/worker-1')?.state, 'partitioned');
	t.true(cluster.proxyRules('worker-1')!.running);
});

test('the scheduler spreads by the zones the cloud labels nodes with', t => {
	const cluster = createCluster({cloud});
	cluster.run('add node --type large --zone zone-a --count 2');
	cluster.run('add node --type large --zone zone-b');
	cluster.step(2);
	cluster.client.create('deployments', deploymentObject('web', 12));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 12), 60, 'pods running');
	const byNode: Record<string, number> = {};
	for (const pod of cluster.client.list<{spec?: {nodeName?: string}}>('pods', {labelSelector: 'app=web'}).items) byNode[pod.spec!.nodeName!] = (byNode[pod.spec!.nodeName!] ?? 0) + 1;
	// Spread by hostname alone would give 4/4/4: the lone node of zone-b takes more, as zone spreading wants.
	t.true(byNode['worker-3']! > byNode['worker-1']! && byNode['worker-3']! > byNode['worker-2']!, JSON.stringify(byNode));
});

test('terminate end to end: the node lifecycle controller marks it Unknown after 50 s, then the cloud deletes it', t => {
	const cluster = clusterWith([nodeObject('worker-1'), nodeObject('worker-2')], {cloud});
	cluster.step(3);
	cluster.run('terminate worker-1');
	const start = cluster.clock.tick;
	stepUntil(cluster, () => node(cluster, 'worker-1')?.status?.conditions?.find(c => c.type === 'Ready')?.status === 'Unknown', 70, 'Unknown');
	t.true(cluster.clock.tick - start >= 40, `Unknown after ${cluster.clock.tick - start} s`);
	stepUntil(cluster, () => !node(cluster, 'worker-1'), 10, 'deleted by the cloud');
	t.is(eventsFor(cluster, 'worker-1', 'DeletingNode').length, 1);
	t.truthy(node(cluster, 'worker-2'));
});
