// The node IPAM controller: gives every node a /24 pod CIDR from the cluster CIDR, in order of arrival,
// so kubelets can hand out pod IPs. Cluster CIDR 10.244.0.0/14 (1,024 nodes) by default.
import type {Node} from '../../objects/types.js';
import {Component, type ComponentContext} from '../../client/controller.js';
import type {Informer} from '../../client/informer.js';

const base = (10 << 24) | (244 << 16);

export function podCIDR(index: number): string {
	const network = base + index * 256;
	return `${(network >>> 24) & 255}.${(network >>> 16) & 255}.${(network >>> 8) & 255}.0/24`;
}

export class NodeIpamController extends Component {
	private readonly nodes: Informer<Node>;
	private readonly used = new Set<string>();
	private next = 0;

	constructor(ctx: ComponentContext) {
		super('node-ipam-controller', 'system:serviceaccount:kube-system:node-controller', ctx, {component: 'node-ipam-controller'});
		this.nodes = this.informer<Node>('nodes');
		this.on(this.nodes, {
			add: node => {
				if (node.spec?.podCIDR) this.used.add(node.spec.podCIDR);
				else this.queue.add(node.metadata!.name!);
			},
			delete: node => {
				if (node.spec?.podCIDR) this.used.delete(node.spec.podCIDR);
			},
		});
		this.nodes.start();
	}

	protected sync(name: string): void {
		const node = this.nodes.get(name);
		if (!node || node.spec?.podCIDR) return;
		let cidr = podCIDR(this.next++);
		while (this.used.has(cidr)) cidr = podCIDR(this.next++);
		this.used.add(cidr);
		this.client.patch('nodes', name, {spec: {podCIDR: cidr, podCIDRs: [cidr]}}, {reason: `allocate pod CIDR ${cidr}`});
	}
}
