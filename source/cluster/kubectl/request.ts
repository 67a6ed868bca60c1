// `request service/NAME [-n NS] [--from pod/NAME] [--port N]`: one simulated request, routed as kube-proxy routes it
// on the source node: the ClusterIP rule of that node's own table, a random endpoint (ready ones, or serving
// terminating ones when none is ready), then whether anything answers there. It prints the path, or where it failed.
import type {ApiClient} from '../api/index.js';
import type {Node, Pod, Service, ServicePort} from '../objects/types.js';
import type {ProxyEndpoint, ProxyRule} from '../node/kube-proxy.js';
import {isPodReady} from '../objects/pod-status.js';
import {CommandError, type CommandResult} from './command.js';
import {parse, namespaceOf} from './args.js';
import type {Infrastructure, ProxyView} from './infrastructure.js';

const usage = 'error: USAGE: request service/NAME [-n NAMESPACE] [--from pod/NAME | --external] [--port N]';
/** Where an outside client's requests come from: TEST-NET-2 (RFC 5737), never a real host. */
const internetClient = '198.51.100.7';

/** The node a request without --from starts on: the first Ready node by name that takes ordinary pods. */
function defaultSource(client: ApiClient, infra: Infrastructure): string {
	const nodes = client.list<Node>('nodes').items.sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
	const ready = (n: Node) => infra.reachable(n.metadata!.name!) && n.status?.conditions?.some(c => c.type === 'Ready' && c.status === 'True');
	const worker = (n: Node) => !(n.spec?.taints ?? []).some(t => t.effect === 'NoSchedule');
	const node = nodes.find(n => ready(n) && worker(n)) ?? nodes.find(ready) ?? nodes[0];
	if (!node) throw new CommandError('error: the cluster has no nodes to send a request from');
	return node.metadata!.name!;
}

export function request(client: ApiClient, infra: Infrastructure, args: string[], now: number): CommandResult {
	const {values, positionals} = parse(args, {namespace: {type: 'string', short: 'n'}, from: {type: 'string'}, port: {type: 'string'}, external: {type: 'boolean'}});
	const [target, extra] = positionals;
	if (!target || extra !== undefined) throw new CommandError(usage);
	const match = /^(?:services?|svc)\/(.+)$/.exec(target);
	if (!match) throw new CommandError(`error: request needs a Service (service/NAME), not "${target}"`);
	const namespace = namespaceOf(values);
	const svc = client.get<Service>('services', match[1]!, namespace);
	const name = svc.metadata!.name!;
	const ports = svc.spec?.ports ?? [];
	const portText = ports.map(p => `${p.port}/${p.protocol}`).join(', ') || 'none';
	let port: ServicePort | undefined = ports[0];
	if (values.port !== undefined) {
		const wanted = Number(values.port);
		if (!/^\d+$/.test(String(values.port))) throw new CommandError(`error: invalid argument "${values.port}" for "--port" flag: expected a port number`);
		port = ports.find(p => p.port === wanted);
		if (!port) throw new CommandError(`error: service "${name}" has no port ${wanted} (ports: ${portText})`);
	}
	if (!port) throw new CommandError(`error: service "${name}" has no ports`);
	const clusterIP = svc.spec?.clusterIP;
	if (!clusterIP || clusterIP === 'None') {
		throw new CommandError(`error: service "${name}" is headless (clusterIP: None): no kube-proxy rule to follow; its DNS name resolves to the pods themselves`);
	}

	if (values.external) {
		if (values.from !== undefined) throw new CommandError('error: --external and --from cannot be used together');
		return external(client, infra, svc, port, now);
	}
	let sourceNode: string;
	let from: string;
	let clientIP: string;
	if (values.from !== undefined) {
		const podName = String(values.from).replace(/^(pods?|po)\//, '');
		const pod = client.get<Pod>('pods', podName, namespace);
		if (!pod.spec?.nodeName || !pod.status?.podIP) throw new CommandError(`error: pod "${podName}" has no IP yet: it is not running on a node`);
		sourceNode = pod.spec.nodeName;
		clientIP = pod.status.podIP;
		from = `pod/${podName} (${pod.status.podIP}) on node ${sourceNode}`;
	} else {
		sourceNode = defaultSource(client, infra);
		clientIP = client.find<Node>('nodes', sourceNode)?.status?.addresses?.find(a => a.type === 'InternalIP')?.address ?? sourceNode;
		from = `node/${sourceNode} (host network)`;
	}
	const lines = [
		`request service/${name} -n ${namespace} port ${port.port}/${port.protocol} from ${from}`,
		`  dns: ${name}.${namespace}.svc.cluster.local -> ${clusterIP}`,
	];
	const vip = `${clusterIP}:${port.port}/${port.protocol}`;
	return route(client, infra, {svc, lines, sourceNode, clientIP, vip, now, local: svc.spec?.internalTrafficPolicy === 'Local', find: proxy => proxy.ruleFor(clusterIP, port.port, port.protocol)});
}

/** `--external`: from outside, through the Service's load balancer (or a node's NodePort) to a node's NodePort rule. */
function external(client: ApiClient, infra: Infrastructure, svc: Service, port: ServicePort, now: number): CommandResult {
	const name = svc.metadata!.name!;
	const type = svc.spec?.type;
	if (type !== 'LoadBalancer' && type !== 'NodePort') throw new CommandError(`error: service "${name}" is of type ${type}: it cannot be reached from outside the cluster (use NodePort or LoadBalancer)`);
	if (!port.nodePort) throw new CommandError(`error: service "${name}" port ${port.port} has no NodePort`);
	const lines = [`request service/${name} -n ${svc.metadata!.namespace} port ${port.port}/${port.protocol} from outside the cluster (${internetClient})`];
	const fail = (why: string) => ({message: [...lines, `  FAILED: ${why}`].join('\n')});
	const ready = client.list<Node>('nodes').items
		.filter(n => infra.reachable(n.metadata!.name!) && n.status?.conditions?.some(c => c.type === 'Ready' && c.status === 'True') && n.metadata?.labels?.['node.kubernetes.io/exclude-from-external-load-balancers'] === undefined)
		.sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
	let node: Node | undefined;
	if (type === 'LoadBalancer') {
		const ip = svc.status?.loadBalancer?.ingress?.[0]?.ip;
		if (!ip) return fail('the load balancer has no address yet (EXTERNAL-IP <pending>): nothing answers');
		if (ready.length === 0) return fail(`load balancer ${ip} has no healthy nodes to send to: connection timed out`);
		node = ready[infra.pick(ready.length)]!;
		lines.push(`  load balancer ${ip}:${port.port} -> node ${node.metadata!.name} (${ready.length} healthy)`);
	} else {
		node = ready[0];
		if (!node) return fail('no node is up to take the NodePort: connection timed out');
	}
	const nodeName = node.metadata!.name!;
	const nodeIP = node.status?.addresses?.find(a => a.type === 'InternalIP')?.address ?? nodeName;
	lines.push(`  node port ${nodeIP}:${port.nodePort} on ${nodeName}`);
	const vip = `${nodeIP}:${port.nodePort}/${port.protocol}`;
	return route(client, infra, {
		svc, lines, sourceNode: nodeName, clientIP: internetClient, vip, now, local: svc.spec?.externalTrafficPolicy === 'Local',
		find: proxy => proxy.rules().rules.find(r => r.nodePort === port.nodePort && r.protocol === port.protocol),
	});
}

interface Route {
	svc: Service;
	lines: string[];
	sourceNode: string;
	clientIP: string;
	/** The address the rule matched, as printed. */
	vip: string;
	now: number;
	/** Traffic policy Local: only endpoints on the node itself. */
	local: boolean;
	find(proxy: ProxyView): ProxyRule | undefined;
}

/** From the source node's kube-proxy rule to an endpoint, and whether anything answers there. */
function route(client: ApiClient, infra: Infrastructure, {svc, lines, sourceNode, clientIP, vip, now, local, find}: Route): CommandResult {
	const fail = (why: string) => ({message: [...lines, `  FAILED: ${why}`].join('\n')});
	const proxy = infra.kubeProxy(sourceNode);
	if (!proxy || !infra.reachable(sourceNode)) return fail(`node ${sourceNode} is down: nothing sends the request`);
	const table = proxy.rules();
	const rule = find(proxy);
	const synced = `synced at tick ${table.syncedTick}${table.running ? '' : ', kube-proxy not running: rules may be stale'}`;
	if (!rule) return fail(`no rule for ${vip} in kube-proxy's table on ${sourceNode} (${synced}): connection timed out`);
	let candidates = rule.endpoints.filter(e => e.ready);
	if (local) candidates = candidates.filter(e => e.nodeName === sourceNode);
	if (candidates.length === 0) candidates = rule.endpoints.filter(e => e.serving && e.terminating);
	const list = (endpoints: ProxyEndpoint[]) => endpoints.map(e => `${e.ip}:${e.port}`).join(', ');
	lines.push(`  rule on ${sourceNode}: ${vip} -> ${candidates.length ? list(candidates) : '(none)'} (${synced})`);
	if (candidates.length === 0) return fail(`no endpoints: kube-proxy on ${sourceNode} rejects ${vip}: connection refused`);
	// sessionAffinity ClientIP: the same client goes to the same endpoint while it lasts (kube-proxy's "recent" match).
	const sticky = svc.spec?.sessionAffinity === 'ClientIP';
	const remembered = sticky ? proxy.stickyEndpoint(rule, clientIP, now) : undefined;
	let index = remembered ? candidates.findIndex(e => `${e.ip}:${e.port}` === remembered) : -1;
	const kept = index >= 0;
	if (!kept) index = infra.pick(candidates.length);
	const chosen = candidates[index]!;
	if (sticky) {
		const timeout = svc.spec?.sessionAffinityConfig?.clientIP?.timeoutSeconds ?? 10800;
		proxy.stick(rule, clientIP, `${chosen.ip}:${chosen.port}`, now + timeout * 1000);
		lines.push(`  session affinity ClientIP: ${clientIP} ${kept ? 'sticks to' : 'now sticks to'} ${chosen.ip}:${chosen.port} for ${timeout}s`);
	}
	const where = chosen.pod ? `pod ${chosen.pod.namespace}/${chosen.pod.name}` : 'an endpoint without a pod';
	lines.push(`  chose ${chosen.ip}:${chosen.port} (${index + 1} of ${candidates.length}): ${where}${chosen.nodeName ? ` on node ${chosen.nodeName}` : ''}`);
	if (!chosen.pod) return {message: [...lines, `  connected: ${chosen.ip}:${chosen.port} answered`].join('\n')};
	const pod = client.find<Pod>('pods', chosen.pod.name, chosen.pod.namespace);
	if (!pod || pod.status?.podIP !== chosen.ip) return fail(`stale rule: pod ${chosen.pod.namespace}/${chosen.pod.name} (${chosen.ip}) no longer exists: no route to host`);
	const node = pod.spec?.nodeName ?? chosen.nodeName;
	if (node && !infra.reachable(node)) return fail(`node ${node} is unreachable: connection timed out`);
	const running = pod.status?.phase === 'Running' && (pod.status.containerStatuses ?? []).some(c => c.state?.running);
	if (!running || pod.metadata?.deletionTimestamp && !isPodReady(pod)) return fail(`nothing listens on ${chosen.ip}:${chosen.port} (pod ${pod.metadata!.name} is ${pod.metadata?.deletionTimestamp ? 'terminating' : pod.status?.phase ?? 'not running'}): connection refused`);
	return {message: [...lines, `  connected: pod/${pod.metadata!.name} on ${node} answered`].join('\n')};
}
