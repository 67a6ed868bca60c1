// What a user can do to the simulated cloud (the commands `add node`, `terminate`, `fail zone`, `restore zone`):
// instances boot and their kubelets register Nodes; an instance that dies or a zone cut off takes its hosts'
// agents (kubelet, kube-proxy) with it. The cloud node lifecycle controller then finds out, as upstream.
import type {ApiClient} from '../../api/index.js';
import type {Node} from '../../objects/types.js';
import {CloudError, type SimulatedCloud} from './provider.js';
import {parseCloudProvider} from './spec.js';
import {uninitializedTaint} from './cloud-node-controller.js';

/** The node agents a host runs, as the cloud reaches them (NodeAgents). */
export interface HostAgents {
	stopKubelet(name: string): boolean;
	partition(name: string): boolean;
	heal(name: string): boolean;
	kubeProxy(name: string): {pause(): void} | undefined;
}

export class CloudOperations {
	constructor(readonly cloud: SimulatedCloud, private readonly clientFor: (identity: string) => ApiClient, private readonly agents: HostAgents) {}

	/** Validate a CloudProvider document (throws a message naming the field), then configure the cloud. */
	configure(doc: unknown, dryRun = false): void {
		const spec = parseCloudProvider(doc as Parameters<typeof parseCloudProvider>[0]);
		if (!dryRun) this.cloud.configure(spec);
	}

	/** Boot `count` instances; each registers its Node as a kubelet with --cloud-provider=external does. */
	addNodes(typeName: string, zone: string, count: number): string[] {
		const type = this.cloud.instanceType(typeName);
		this.cloud.checkZone(zone);
		if (this.cloud.zoneDown(zone)) throw new CloudError(`zone "${zone}" is down: no instance can start there`);
		const lister = this.clientFor('system:node-hosts');
		const taken = new Set(lister.list<Node>('nodes').items.map(n => n.metadata!.name!));
		let n = 0;
		for (const name of taken) {
			const match = /^worker-(\d+)$/.exec(name);
			if (match) n = Math.max(n, Number(match[1]));
		}
		const added: string[] = [];
		for (let i = 0; i < count; i++) {
			let name: string;
			do name = `worker-${++n}`; while (taken.has(name) || this.cloud.instanceOf(name)?.state === 'running');
			const instance = this.cloud.launch(name, type.name, zone);
			this.clientFor(`system:node:${name}`).create('nodes', {
				apiVersion: 'v1', kind: 'Node',
				metadata: {name, labels: {'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux', 'kubernetes.io/arch': 'amd64'}},
				spec: {taints: [{key: uninitializedTaint, value: 'true', effect: 'NoSchedule'}]},
				status: {capacity: {cpu: type.cpu, memory: type.memory, pods: type.pods ?? '110'}},
			} as Node, {reason: `instance ${instance.id} booted: kubelet registers the node`});
			added.push(name);
		}
		return added;
	}

	/** The instance dies: its kubelet and kube-proxy stop at once (a node whose kubelet has not started yet: nothing runs). */
	terminate(node: string): string {
		const instance = this.cloud.terminate(node);
		if (this.agents.kubeProxy(node)) {
			this.agents.stopKubelet(node);
			this.agents.kubeProxy(node)!.pause();
		}
		return instance.id;
	}

	/** The zone's network goes: its hosts run on, cut off from the API server and from each other (partitioned). */
	failZone(zone: string): string[] {
		this.cloud.failZone(zone);
		const nodes = this.cloud.nodesIn(zone);
		for (const node of nodes) if (this.agents.kubeProxy(node)) this.agents.partition(node);
		return nodes;
	}

	restoreZone(zone: string): string[] {
		this.cloud.restoreZone(zone);
		const nodes = this.cloud.nodesIn(zone);
		for (const node of nodes) if (this.agents.kubeProxy(node)) this.agents.heal(node);
		return nodes;
	}
}
