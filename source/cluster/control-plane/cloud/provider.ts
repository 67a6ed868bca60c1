// The simulated cloud behind the nodes: a region with zones, instance types, one instance per node, and load
// balancers that take a while to come up. It is the "cloud API" the cloud-controller-manager asks (InstancesV2 and
// LoadBalancer of k8s.io/cloud-provider); nothing in it is a Kubernetes object, so it never writes the API.
import type {Random} from '../../sim/random.js';
import {bytes, milliCPU} from '../../objects/quantity.js';

export const zoneLabel = 'topology.kubernetes.io/zone';
export const regionLabel = 'topology.kubernetes.io/region';
export const instanceTypeLabel = 'node.kubernetes.io/instance-type';

export interface InstanceType {
	name: string;
	cpu: string;
	memory: string;
	pods?: string;
}

/** The spec of kubetui's own `kind: CloudProvider` (apiVersion sim.kubetui.dev/v1). */
export interface CloudSpec {
	region: string;
	zones: string[];
	instanceTypes: InstanceType[];
	/** Seconds from asking for a load balancer to its address being ready. Default 10. */
	loadBalancerDelaySeconds?: number;
}

export interface Instance {
	id: string;
	/** The node's name (its hostname). */
	node: string;
	type: string;
	zone: string;
	state: 'running' | 'terminated';
}

export interface LoadBalancer {
	ip: string;
	/** Simulated epoch ms when it is ready. */
	readyAt: number;
}

/** Load balancer addresses come from TEST-NET-3 (RFC 5737), so they can never be mistaken for a real host. */
export const loadBalancerRange = '203.0.113.0/24';

export class CloudError extends Error {}

export class SimulatedCloud {
	private config?: CloudSpec;
	private readonly instances = new Map<string, Instance>();
	private readonly byNode = new Map<string, Instance>();
	private readonly down = new Set<string>();
	private readonly balancers = new Map<string, LoadBalancer>();
	private readonly usedIPs = new Set<number>();

	constructor(private readonly random: Random) {}

	get spec(): CloudSpec | undefined {
		return this.config;
	}

	private readonly configured: Array<() => void> = [];

	configure(spec: CloudSpec): void {
		const first = !this.config;
		this.config = spec;
		if (first) for (const listener of this.configured) listener();
	}

	/** Called once, when the cluster first gets a cloud (the cloud-controller-manager starts then). */
	onConfigured(listener: () => void): void {
		this.configured.push(listener);
	}

	/** The configured cloud, or a clear error naming what is missing. */
	private need(): CloudSpec {
		if (!this.config) throw new CloudError('this cluster has no cloud provider (declare one with apiVersion: sim.kubetui.dev/v1, kind: CloudProvider)');
		return this.config;
	}

	instanceType(name: string): InstanceType {
		const spec = this.need();
		const type = spec.instanceTypes.find(t => t.name === name);
		if (!type) throw new CloudError(`unknown instance type "${name}" (region ${spec.region} has: ${spec.instanceTypes.map(t => t.name).join(', ')})`);
		return type;
	}

	checkZone(zone: string): void {
		const spec = this.need();
		if (!spec.zones.includes(zone)) throw new CloudError(`unknown zone "${zone}" (region ${spec.region} has: ${spec.zones.join(', ')})`);
	}

	/** Boot an instance for a node of that name. */
	launch(node: string, typeName: string, zone: string): Instance {
		this.instanceType(typeName);
		this.checkZone(zone);
		if (this.down.has(zone)) throw new CloudError(`zone "${zone}" is down: no instance can start there`);
		const running = this.byNode.get(node);
		if (running && running.state === 'running') throw new CloudError(`an instance named "${node}" already runs`);
		const id = `i-${Array.from({length: 17}, () => '0123456789abcdef'[this.random.int(0, 15)]).join('')}`;
		const instance: Instance = {id, node, type: typeName, zone, state: 'running'};
		this.instances.set(id, instance);
		this.byNode.set(node, instance);
		return instance;
	}

	/**
	 * A node the cloud did not start (declared in a fixture) becomes an instance of the type its capacity matches,
	 * in the zone it is labelled with (or the zones in turn).
	 */
	adopt(node: string, labels: Record<string, string>, capacity: Record<string, string | number>): Instance {
		const spec = this.need();
		const zone = spec.zones.includes(labels[zoneLabel] ?? '') ? labels[zoneLabel]! : spec.zones[this.byNode.size % spec.zones.length]!;
		const fits = (t: InstanceType) => milliCPU(t.cpu) === milliCPU(String(capacity['cpu'] ?? '')) && bytes(t.memory) === bytes(String(capacity['memory'] ?? ''));
		const type = spec.instanceTypes.find(t => t.name === labels[instanceTypeLabel]) ?? spec.instanceTypes.find(fits) ?? spec.instanceTypes[0]!;
		const down = this.down.has(zone);
		this.down.delete(zone);
		try {
			return this.launch(node, type.name, zone);
		} finally {
			if (down) this.down.add(zone);
		}
	}

	providerID(instance: Instance): string {
		return `kubetui://${instance.zone}/${instance.id}`;
	}

	/** The instance behind a providerID (`kubetui://ZONE/ID`), terminated ones included. */
	byProviderID(providerID: string): Instance | undefined {
		return this.instances.get(providerID.slice(providerID.lastIndexOf('/') + 1));
	}

	instanceOf(node: string): Instance | undefined {
		return this.byNode.get(node);
	}

	/** InstanceExistsByProviderID: false once terminated. */
	exists(providerID: string): boolean {
		return this.byProviderID(providerID)?.state === 'running';
	}

	terminate(node: string): Instance {
		const instance = this.byNode.get(node);
		if (!instance || instance.state !== 'running') throw new CloudError(`no running instance for node "${node}"`);
		instance.state = 'terminated';
		return instance;
	}

	failZone(zone: string): void {
		this.checkZone(zone);
		if (this.down.has(zone)) throw new CloudError(`zone "${zone}" is already down`);
		this.down.add(zone);
	}

	restoreZone(zone: string): void {
		this.checkZone(zone);
		if (!this.down.has(zone)) throw new CloudError(`zone "${zone}" is not down`);
		this.down.delete(zone);
	}

	zoneDown(zone: string): boolean {
		return this.down.has(zone);
	}

	/** Running instances of a zone, by node name. */
	nodesIn(zone: string): string[] {
		return [...this.byNode.values()].filter(i => i.zone === zone && i.state === 'running').map(i => i.node).sort();
	}

	/** Whether packets reach a node's host: its instance runs and its zone is up (nodes the cloud does not know: yes). */
	reachable(node: string): boolean {
		const instance = this.byNode.get(node);
		return !instance || (instance.state === 'running' && !this.down.has(instance.zone));
	}

	/** EnsureLoadBalancer: the first call provisions one, ready after the configured delay. */
	ensureLoadBalancer(key: string, now: number): LoadBalancer {
		const existing = this.balancers.get(key);
		if (existing) return existing;
		const delay = (this.need().loadBalancerDelaySeconds ?? 10) * 1000;
		let n = 1;
		while (this.usedIPs.has(n) && n < 255) n++;
		if (n >= 255) throw new CloudError(`no free load balancer address in ${loadBalancerRange}`);
		this.usedIPs.add(n);
		const lb = {ip: `203.0.113.${n}`, readyAt: now + delay};
		this.balancers.set(key, lb);
		return lb;
	}

	loadBalancer(key: string): LoadBalancer | undefined {
		return this.balancers.get(key);
	}

	/** EnsureLoadBalancerDeleted. */
	deleteLoadBalancer(key: string): boolean {
		const lb = this.balancers.get(key);
		if (!lb) return false;
		this.usedIPs.delete(Number(lb.ip.split('.')[3]));
		this.balancers.delete(key);
		return true;
	}
}
