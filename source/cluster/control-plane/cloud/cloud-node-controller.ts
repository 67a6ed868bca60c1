// The cloud node controller (k8s.io/cloud-provider/controllers/node): a node that joins with the
// node.cloudprovider.kubernetes.io/uninitialized taint (a kubelet started with --cloud-provider=external) gets what
// the cloud knows of its instance: spec.providerID, the region, zone and instance-type labels; then the taint goes.
// Nodes a fixture declares without a providerID are the cloud's instances too: they are adopted the same way.
// Then the node's addresses are the instance's: its InternalIP (the host address the kubelet found), its InternalDNS
// name in the region (NAME.REGION.compute.internal) and its Hostname.
import type {Node} from '../../objects/types.js';
import {Component, type ComponentContext} from '../../client/controller.js';
import {processName} from './process.js';
import type {Informer} from '../../client/informer.js';
import {instanceTypeLabel, regionLabel, zoneLabel, type SimulatedCloud} from './provider.js';

export const uninitializedTaint = 'node.cloudprovider.kubernetes.io/uninitialized';

export class CloudNodeController extends Component {
	override readonly process = processName;
	private readonly nodes: Informer<Node>;

	constructor(ctx: ComponentContext, private readonly cloud: SimulatedCloud) {
		super('cloud-node-controller', 'system:serviceaccount:kube-system:cloud-node-controller', ctx, {component: 'cloud-node-controller'});
		this.nodes = this.informer<Node>('nodes');
		const enqueue = (node: Node) => {
			if (this.needsInit(node) || this.needsAddresses(node)) this.queue.add(node.metadata!.name!);
		};
		this.on(this.nodes, {add: enqueue, update: (_, node) => enqueue(node)});
		this.nodes.start();
	}

	private needsInit(node: Node): boolean {
		return !!this.cloud.spec && (!node.spec?.providerID || (node.spec.taints ?? []).some(t => t.key === uninitializedTaint));
	}

	/** The cloud's addresses for an initialised node, once its kubelet has posted the host address. */
	private addresses(node: Node): Array<{type: string; address: string}> | undefined {
		const spec = this.cloud.spec;
		const internalIP = node.status?.addresses?.find(a => a.type === 'InternalIP')?.address;
		if (!spec || !node.spec?.providerID || !internalIP) return undefined;
		const name = node.metadata!.name!;
		return [{type: 'InternalIP', address: internalIP}, {type: 'InternalDNS', address: `${name}.${spec.region}.compute.internal`}, {type: 'Hostname', address: name}];
	}

	private needsAddresses(node: Node): boolean {
		const wanted = this.addresses(node);
		return !!wanted && JSON.stringify(wanted) !== JSON.stringify(node.status?.addresses ?? []);
	}

	protected sync(name: string): void {
		const node = this.nodes.get(name);
		const spec = this.cloud.spec;
		if (!node || !spec) return;
		if (!this.needsInit(node)) {
			const addresses = this.addresses(node);
			if (!addresses || !this.needsAddresses(node)) return;
			const {resourceVersion: _, ...metadata} = node.metadata!;
			this.client.updateStatus('nodes', {...node, metadata, status: {...node.status, addresses}}, {reason: 'node addresses from the cloud'});
			return;
		}
		const labels = node.metadata?.labels ?? {};
		const instance = (node.spec?.providerID ? this.cloud.byProviderID(node.spec.providerID) : undefined)
			?? this.cloud.instanceOf(name) ?? this.cloud.adopt(name, labels, node.status?.capacity ?? {});
		const taints = (node.spec?.taints ?? []).filter(t => t.key !== uninitializedTaint);
		this.client.patch('nodes', name, {
			metadata: {labels: {[instanceTypeLabel]: instance.type, [zoneLabel]: instance.zone, [regionLabel]: spec.region}},
			spec: {providerID: this.cloud.providerID(instance), taints: taints.length ? taints : null},
		}, {reason: `initialize node from instance ${instance.id} (${instance.type} in ${instance.zone})`});
	}
}
