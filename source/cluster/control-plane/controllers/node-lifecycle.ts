// The node lifecycle controller, first part: registers nodes (RegisteredNode), and keeps the
// node.kubernetes.io/unschedulable:NoSchedule taint in step with spec.unschedulable (TaintNodesByCondition).
// Heartbeats, NotReady and eviction come with node failures.
import type {Node, Taint} from '../../objects/types.js';
import {Component, type ComponentContext} from '../../client/controller.js';
import type {Informer} from '../../client/informer.js';

export const unschedulableTaint = 'node.kubernetes.io/unschedulable';

export class NodeLifecycleController extends Component {
	private readonly nodes: Informer<Node>;
	private readonly registered = new Set<string>();

	constructor(ctx: ComponentContext) {
		super('node-lifecycle-controller', 'system:serviceaccount:kube-system:node-controller', ctx, {component: 'node-controller'});
		this.nodes = this.informer<Node>('nodes');
		const enqueue = (node: Node) => this.queue.add(node.metadata!.name!);
		this.on(this.nodes, {add: enqueue, update: (_, node) => enqueue(node), delete: node => {
			if (this.registered.delete(node.metadata!.uid!)) {
				this.recorder.event(node, 'Normal', 'RemovingNode', `Node ${node.metadata!.name} event: Removing Node ${node.metadata!.name} from Controller`);
			}
		}});
		this.nodes.start();
	}

	protected sync(name: string): void {
		const node = this.nodes.get(name);
		if (!node) return;
		if (!this.registered.has(node.metadata!.uid!)) {
			this.registered.add(node.metadata!.uid!);
			this.recorder.event(node, 'Normal', 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`);
		}
		const taints = node.spec?.taints ?? [];
		const has = taints.some(t => t.key === unschedulableTaint && t.effect === 'NoSchedule');
		const wants = node.spec?.unschedulable === true;
		if (has === wants) return;
		const next: Taint[] = wants
			? [...taints, {key: unschedulableTaint, effect: 'NoSchedule', timeAdded: this.ctx.clock.timestamp()}]
			: taints.filter(t => !(t.key === unschedulableTaint && t.effect === 'NoSchedule'));
		this.client.patch('nodes', name, {spec: {taints: next.length ? next : null}}, {reason: wants ? 'node cordoned: add unschedulable taint' : 'node uncordoned: remove unschedulable taint'});
	}
}
