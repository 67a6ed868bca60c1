// The Service scenarios of fixtures/scenarios/, on top of the default cluster, as README tells a user to open them.
import test from 'ava';
import {createCluster, readManifests, type Node, type Service} from '../../source/cluster/index.js';
import {allRunning, stepUntil} from '../helpers/cluster.js';

function open(file: string) {
	const cluster = createCluster();
	cluster.kubectl.apply(readManifests('fixtures/default.yaml').concat(readManifests(file)));
	return cluster;
}

test('the default fixture declares a cloud: its nodes become instances in region-1', t => {
	const cluster = open('fixtures/scenarios/load-balancer.yaml');
	cluster.step(2);
	const nodes = cluster.client.list<Node>('nodes').items;
	t.true(nodes.every(n => n.spec?.providerID?.startsWith('kubetui://zone-') && n.metadata?.labels?.['topology.kubernetes.io/region'] === 'region-1'));
	t.deepEqual(nodes.map(n => n.metadata!.labels!['node.kubernetes.io/instance-type']), ['standard-2', 'standard-4', 'standard-4', 'standard-4']);
});

test('load-balancer.yaml: the frontend Service gets 203.0.113.1 from the cloud and requests reach its pods', t => {
	const cluster = open('fixtures/scenarios/load-balancer.yaml');
	cluster.step(2);
	t.regex(cluster.run('request service/frontend --external').message, /\n {2}FAILED: the load balancer has no address yet \(EXTERNAL-IP <pending>\): nothing answers$/);
	stepUntil(cluster, () => !!cluster.client.get<Service>('services', 'frontend').status?.loadBalancer?.ingress, 20, 'ingress');
	t.regex(cluster.run('get svc frontend').message, /frontend\s+LoadBalancer\s+\S+\s+203\.0\.113\.1\s+80:\d+\/TCP/);
	stepUntil(cluster, () => allRunning(cluster, 'app=frontend', 3), 20, 'frontend running');
	cluster.step(3);
	t.regex(cluster.run('request service/frontend').message, /\n {2}connected: pod\/frontend-\S+ on worker-\d answered$/);
	// From outside: the load balancer picks a node, whose kube-proxy NodePort rule picks a pod.
	const svc = cluster.client.get<Service>('services', 'frontend');
	const lines = cluster.run('request service/frontend --external').message.split('\n');
	t.is(lines[0], 'request service/frontend -n default port 80/TCP from outside the cluster (198.51.100.7)');
	t.regex(lines[1]!, /^ {2}load balancer 203\.0\.113\.1:80 -> node (control-plane|worker-\d) \(4 healthy\)$/);
	t.regex(lines[2]!, new RegExp(`^ {2}node port 172\\.18\\.0\\.\\d+:${svc.spec!.ports![0]!.nodePort} on `));
	t.regex(lines.at(-1)!, /^ {2}connected: pod\/frontend-\S+ on worker-\d answered$/);
});

test('zone-outage.yaml: with zone-b down, requests to worker-2 pods time out and worker-2 keeps its rules', t => {
	const cluster = open('fixtures/scenarios/zone-outage.yaml');
	stepUntil(cluster, () => allRunning(cluster, 'app=shop', 6), 20, 'shop running');
	cluster.step(3);
	t.is(cluster.run('fail zone zone-b').message, 'zone zone-b failed: worker-2 cut off');
	const stale = cluster.proxyRules('worker-2')!;
	const results = Array.from({length: 12}, () => cluster.run('request service/shop').message.split('\n').at(-1)!);
	t.true(results.some(r => r === '  FAILED: node worker-2 is unreachable: connection timed out'), results.join('\n'));
	t.true(results.some(r => r.startsWith('  connected:')));
	cluster.run('scale deployment/shop --replicas=3');
	cluster.step(5);
	t.deepEqual(cluster.proxyRules('worker-2')!.rules, stale.rules);
	t.is(cluster.run('restore zone zone-b').message, 'zone zone-b restored: worker-2 back');
	cluster.step(2);
	t.is(cluster.proxyRules('worker-2')!.rules.find(r => r.service === 'default/shop')!.endpoints.filter(e => e.ready).length, 3);
});
