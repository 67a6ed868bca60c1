// kube-proxy of one node: its own rule table built from its watches of Services and EndpointSlices (one rule per
// Service port: ClusterIP:port, and the NodePort, to the endpoints' IP:port), as the iptables proxier keeps it. A
// change reaches the table when this agent runs, the tick after it was written; a stopped agent keeps stale rules.
import type {EndpointSlice, Service} from '../objects/types.js';
import {objectKey} from '../objects/types.js';
import {Component, type ComponentContext} from '../client/controller.js';
import type {Informer} from '../client/informer.js';

export interface ProxyEndpoint {
	ip: string;
	port: number;
	ready: boolean;
	serving: boolean;
	terminating: boolean;
	/** The pod behind the endpoint (its targetRef), when known. */
	pod?: {namespace: string; name: string};
	nodeName?: string;
}

export interface ProxyRule {
	/** namespace/name of the Service. */
	service: string;
	portName: string;
	protocol: string;
	clusterIP: string;
	port: number;
	nodePort?: number;
	endpoints: ProxyEndpoint[];
}

export interface ProxyTable {
	node: string;
	/** The tick the table last changed (0: never). */
	syncedTick: number;
	running: boolean;
	rules: ProxyRule[];
}

const serviceNameLabel = 'kubernetes.io/service-name';
const byServiceName = (slice: EndpointSlice) => {
	const name = slice.metadata?.labels?.[serviceNameLabel];
	return name ? [`${slice.metadata!.namespace}/${name}`] : [];
};

/** The endpoints of one Service port, from every slice of the Service that carries a port of that name. */
function endpointsFor(slices: readonly EndpointSlice[], portName: string, protocol: string): ProxyEndpoint[] {
	const out: ProxyEndpoint[] = [];
	for (const slice of slices) {
		const port = (slice.ports ?? []).find(p => (p.name ?? '') === portName && (p.protocol ?? 'TCP') === protocol);
		if (port?.port === undefined) continue;
		for (const e of slice.endpoints ?? []) {
			const ref = e.targetRef?.kind === 'Pod' && e.targetRef.name ? {namespace: e.targetRef.namespace ?? slice.metadata!.namespace!, name: e.targetRef.name} : undefined;
			for (const ip of e.addresses ?? []) {
				out.push({
					ip, port: port.port, ready: e.conditions?.ready ?? true, serving: e.conditions?.serving ?? e.conditions?.ready ?? true,
					terminating: e.conditions?.terminating ?? false, ...(ref ? {pod: ref} : {}), ...(e.nodeName ? {nodeName: e.nodeName} : {}),
				});
			}
		}
	}
	return out.sort((a, b) => (a.ip === b.ip ? a.port - b.port : a.ip < b.ip ? -1 : 1));
}

export class KubeProxy extends Component {
	private readonly services: Informer<Service>;
	private readonly slices: Informer<EndpointSlice>;
	private readonly table = new Map<string, ProxyRule[]>();
	private syncedTick = 0;
	override readonly process = 'kube-proxy';
	/** sessionAffinity ClientIP: the endpoint each client was sent to, until when (simulated epoch ms). */
	private readonly affinity = new Map<string, {endpoint: string; until: number}>();

	constructor(readonly nodeName: string, ctx: ComponentContext) {
		super(`kube-proxy/${nodeName}`, 'system:serviceaccount:kube-system:kube-proxy', ctx, {component: 'kube-proxy', host: nodeName});
		this.services = this.informer<Service>('services');
		this.slices = this.informer<EndpointSlice>('endpointslices');
		this.slices.addIndex('service-name', byServiceName);
		const service = (svc: Service) => this.queue.add(objectKey(svc));
		const slice = (s: EndpointSlice) => {
			for (const key of byServiceName(s)) this.queue.add(key);
		};
		this.on(this.services, {add: service, update: (_, svc) => service(svc), delete: service});
		this.on(this.slices, {add: slice, update: (old, s) => {
			slice(old);
			slice(s);
		}, delete: slice});
		this.services.start();
		this.slices.start();
	}

	protected sync(key: string): void {
		const svc = this.services.get(key);
		const clusterIP = svc?.spec?.clusterIP;
		if (!svc || !clusterIP || clusterIP === 'None' || svc.spec?.type === 'ExternalName') {
			if (this.table.delete(key)) this.syncedTick = this.ctx.clock.tick;
			return;
		}
		const slices = this.slices.byIndex('service-name', key);
		const rules = (svc.spec?.ports ?? []).map(p => ({
			service: key, portName: p.name ?? '', protocol: p.protocol ?? 'TCP', clusterIP, port: p.port,
			...(p.nodePort ? {nodePort: p.nodePort} : {}),
			endpoints: endpointsFor(slices, p.name ?? '', p.protocol ?? 'TCP'),
		}));
		this.table.set(key, rules);
		this.syncedTick = this.ctx.clock.tick;
	}

	/** The rule table, sorted by Service then port. */
	rules(): ProxyTable {
		const rules = [...this.table.keys()].sort().flatMap(key => this.table.get(key)!);
		// Paused (its host down or cut off from the API server), it changes nothing: the table goes stale.
		return {node: this.nodeName, syncedTick: this.syncedTick, running: !this.stopped, rules};
	}

	/** The endpoint (IP:port) a client of a ClientIP-affinity rule sticks to, if it has not timed out. */
	stickyEndpoint(rule: ProxyRule, clientIP: string, now: number): string | undefined {
		const key = `${rule.clusterIP}:${rule.port}/${rule.protocol}|${clientIP}`;
		const entry = this.affinity.get(key);
		if (entry && entry.until > now) return entry.endpoint;
		this.affinity.delete(key);
		return undefined;
	}

	stick(rule: ProxyRule, clientIP: string, endpoint: string, until: number): void {
		this.affinity.set(`${rule.clusterIP}:${rule.port}/${rule.protocol}|${clientIP}`, {endpoint, until});
	}

	/** The rule for a ClusterIP and port, as the KUBE-SERVICES chain matches it. */
	ruleFor(clusterIP: string, port: number, protocol = 'TCP'): ProxyRule | undefined {
		for (const rules of this.table.values()) for (const rule of rules) if (rule.clusterIP === clusterIP && rule.port === port && rule.protocol === protocol) return rule;
		return undefined;
	}
}
