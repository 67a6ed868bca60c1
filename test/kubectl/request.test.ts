// `request service/NAME`: one simulated request routed by the source node's kube-proxy table, printed hop by hop.
import test from 'ava';
import type {Pod, Service} from '../../source/cluster/index.js';
import {allRunning, clusterWith, deploymentObject, nodeObject, podObject, pods, stepUntil} from '../helpers/cluster.js';

const service = (name: string, spec: Record<string, unknown> = {}): Service => ({
	apiVersion: 'v1', kind: 'Service', metadata: {name}, spec: {selector: {app: name}, ports: [{port: 80}], ...spec},
} as Service);

function ready(seed = 1) {
	const cluster = clusterWith([nodeObject('worker-1'), nodeObject('worker-2')], {seed});
	cluster.client.create('services', service('web', {ports: [{name: 'http', port: 80}, {name: 'admin', port: 9000}]}));
	cluster.client.create('deployments', deploymentObject('web', 3));
	cluster.client.create('pods', podObject('client', {labels: {app: 'client'}}));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 3) && allRunning(cluster, 'app=client', 1), 40, 'pods running');
	cluster.step(3);
	return cluster;
}

test('the path: source pod and node, the DNS name, the rule on the source node, the chosen endpoint and its node', t => {
	const cluster = ready();
	const client = cluster.client.get<Pod>('pods', 'client');
	const svc = cluster.client.get<Service>('services', 'web');
	const text = cluster.run('request service/web --from pod/client').message;
	const lines = text.split('\n');
	t.is(lines[0], `request service/web -n default port 80/TCP from pod/client (${client.status!.podIP}) on node ${client.spec!.nodeName}`);
	t.is(lines[1], `  dns: web.default.svc.cluster.local -> ${svc.spec!.clusterIP}`);
	const ips = pods(cluster, 'app=web').map(p => `${p.status!.podIP}:80`).sort();
	t.is(lines[2], `  rule on ${client.spec!.nodeName}: ${svc.spec!.clusterIP}:80/TCP -> ${ips.join(', ')} (synced at tick ${cluster.proxyRules(client.spec!.nodeName!)!.syncedTick})`);
	const chosen = /^ {2}chose (\S+):80 \(\d of 3\): pod default\/(\S+) on node (\S+)$/.exec(lines[3]!);
	t.truthy(chosen, lines[3]);
	const pod = cluster.client.get<Pod>('pods', chosen![2]!);
	t.is(pod.status?.podIP, chosen![1]);
	t.is(pod.spec?.nodeName, chosen![3]);
	t.is(lines[4], `  connected: pod/${pod.metadata!.name} on ${pod.spec!.nodeName} answered`);
	// The same seed and the same actions choose the same endpoints.
	const again = ready();
	t.is(again.run('request service/web --from pod/client').message.split('\n')[3]!.replace(/web-\S+/, ''), lines[3]!.replace(/web-\S+/, ''));
	// --port picks the Service port; without --from the request leaves from a node.
	t.regex(cluster.run('request service/web --port 9000').message, /^request service\/web -n default port 9000\/TCP from node\/worker-1 \(host network\)\n/);
});

test('failures: no rule yet, no endpoints, a stale rule to a pod that is gone', t => {
	const cluster = ready();
	cluster.client.create('services', service('fresh', {selector: {app: 'web'}}));
	t.regex(cluster.run('request service/fresh').message, /\n {2}FAILED: no rule for 10\.\d+\.\d+\.\d+:80\/TCP in kube-proxy's table on worker-1 \(synced at tick \d+\): connection timed out$/);
	cluster.client.create('services', service('nobody'));
	cluster.step(3);
	t.regex(cluster.run('request service/nobody').message, /rule on worker-1: \S+ -> \(none\).*\n {2}FAILED: no endpoints: kube-proxy on worker-1 rejects 10\.\S+:80\/TCP: connection refused$/);
	// One pod behind the Service, deleted at once: until kube-proxy hears of it, its rule still sends there.
	cluster.client.create('services', service('solo'));
	cluster.client.create('deployments', deploymentObject('solo', 1));
	stepUntil(cluster, () => cluster.proxyRules('worker-1')!.rules.some(r => r.service === 'default/solo' && r.endpoints.some(e => e.ready)), 40, 'solo rule');
	const victim = pods(cluster, 'app=solo')[0]!;
	cluster.run(`delete pod/${victim.metadata!.name} --grace-period=0 --force`);
	cluster.step();
	t.regex(cluster.run('request service/solo').message, new RegExp(`FAILED: stale rule: pod default/${victim.metadata!.name} \\(${victim.status!.podIP!.replace(/\./g, '\\.')}\\) no longer exists: no route to host$`));
});

test('sessionAffinity ClientIP: a client keeps going to the endpoint it was first sent to', t => {
	const cluster = ready();
	cluster.client.create('services', service('sticky', {selector: {app: 'web'}, sessionAffinity: 'ClientIP'}));
	t.is(cluster.client.get<Service>('services', 'sticky').spec?.sessionAffinityConfig?.clientIP?.timeoutSeconds, 10800);
	cluster.step(2);
	const chosen = Array.from({length: 6}, () => /chose (\S+)/.exec(cluster.run('request service/sticky --from pod/client').message)![1]);
	t.is(new Set(chosen).size, 1, chosen.join(' '));
	t.regex(cluster.run('request service/sticky --from pod/client').message, /\n {2}session affinity ClientIP: 10\.244\.\d+\.\d+ sticks to \S+ for 10800s\n/);
	// Without affinity the choice moves among the endpoints.
	const free = Array.from({length: 12}, () => /chose (\S+)/.exec(cluster.run('request service/web --from pod/client').message)![1]);
	t.true(new Set(free).size > 1);
});

test('bad requests are refused with a message naming what is wrong', t => {
	const cluster = ready();
	cluster.client.create('services', service('db', {clusterIP: 'None'}));
	for (const [command, message] of [
		['request service/nope', 'Error from server (NotFound): services "nope" not found'],
		['request service/web --port 8080', 'error: service "web" has no port 8080 (ports: 80/TCP, 9000/TCP)'],
		['request service/web --port http', 'error: invalid argument "http" for "--port" flag: expected a port number'],
		['request service/web --from pod/ghost', 'Error from server (NotFound): pods "ghost" not found'],
		['request deployment/web', 'error: request needs a Service (service/NAME), not "deployment/web"'],
		['request', 'error: USAGE: request service/NAME [-n NAMESPACE] [--from pod/NAME | --external] [--port N]'],
		['request service/web --external', 'error: service "web" is of type ClusterIP: it cannot be reached from outside the cluster (use NodePort or LoadBalancer)'],
		['request service/web --external --from pod/client', 'error: --external and --from cannot be used together'],
		['request service/db', 'error: service "db" is headless (clusterIP: None): no kube-proxy rule to follow; its DNS name resolves to the pods themselves'],
		['request service/web -n other', 'Error from server (NotFound): services "web" not found'],
	] as const) t.throws(() => cluster.run(command), {message}, command);
});
