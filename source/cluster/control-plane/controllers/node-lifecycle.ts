// The node lifecycle controller (pkg/controller/nodelifecycle): registers nodes (RegisteredNode); keeps the
// NoSchedule taints in step with spec.unschedulable and the node's conditions (TaintNodesByCondition); and every
// node-monitor-period (5 s) checks each node's heartbeats (the Ready condition's and its Lease's): a node silent for
// the grace period (50 s) gets every condition Unknown ("Kubelet stopped posting node status."), the NoExecute taint
// that lets the taint eviction controller move its pods, and its pods are marked not ready.
import type {Lease, Node, Pod} from '../../objects/types.js';
import {Component, type ComponentContext} from '../../client/controller.js';
import {byNodeName, type Informer} from '../../client/informer.js';
import {isStatusError} from '../../api/index.js';
import {setCondition} from '../../objects/conditions.js';
import {reconcileTaints, wantedNoExecuteTaint, wantedNoScheduleTaints} from './node-lifecycle/condition-taints.js';
import {NodeHealthTracker, nodeMonitorPeriodMs, unknownConditions} from './node-lifecycle/node-health.js';
import {nodeLeaseNamespace} from '../../node/node-lease.js';

export {unschedulableTaint, notReadyTaint, unreachableTaint} from './node-lifecycle/condition-taints.js';

export class NodeLifecycleController extends Component {
	private readonly nodes: Informer<Node>;
	private readonly leases: Informer<Lease>;
	private readonly pods: Informer<Pod>;
	private readonly registered = new Set<string>();
	private readonly health = new NodeHealthTracker();
	private nextMonitorAt = -Infinity;

	constructor(ctx: ComponentContext) {
		super('node-lifecycle-controller', 'system:serviceaccount:kube-system:node-controller', ctx, {component: 'node-controller'});
		this.nodes = this.informer<Node>('nodes');
		this.leases = this.informer<Lease>('leases');
		this.pods = this.informer<Pod>('pods');
		this.pods.addIndex('node', byNodeName);
		const now = () => ctx.clock.now();
		const enqueue = (node: Node) => {
			this.health.observeNode(node, now());
			this.queue.add(node.metadata!.name!);
		};
		this.on(this.nodes, {add: enqueue, update: (_, node) => enqueue(node), delete: node => {
			this.health.forget(node.metadata!.name!);
			if (this.registered.delete(node.metadata!.uid!)) {
				this.recorder.event(node, 'Normal', 'RemovingNode', `Node ${node.metadata!.name} event: Removing Node ${node.metadata!.name} from Controller`);
			}
		}});
		const renewed = (lease: Lease) => {
			if (lease.metadata?.namespace === nodeLeaseNamespace) this.health.observeLease(lease, now());
		};
		this.on(this.leases, {add: renewed, update: (_, lease) => renewed(lease)});
		this.nodes.start();
		this.leases.start();
		this.pods.start();
	}

	override resume(): void {
		super.resume();
		this.health.restart(this.ctx.clock.now());
		this.nextMonitorAt = -Infinity;
	}

	protected override hasOtherWork(): boolean {
		return this.ctx.clock.now() >= this.nextMonitorAt;
	}

	/** doNoScheduleTaintingPass, on every change of a node. */
	protected sync(name: string): void {
		const node = this.nodes.get(name);
		if (!node) return;
		if (!this.registered.has(node.metadata!.uid!)) {
			this.registered.add(node.metadata!.uid!);
			this.recorder.event(node, 'Normal', 'RegisteredNode', `Node ${name} event: Registered Node ${name} in Controller`);
		}
		const next = reconcileTaints(node, 'NoSchedule', wantedNoScheduleTaints(node), this.ctx.clock.timestamp());
		if (next) this.client.patch('nodes', name, {spec: {taints: next.length ? next : null}}, {reason: 'node conditions or cordon changed: NoSchedule taints'});
	}

	protected override afterSync(): void {
		const now = this.ctx.clock.now();
		if (now < this.nextMonitorAt) return;
		this.nextMonitorAt = now + nodeMonitorPeriodMs;
		// The cache changes only between ticks, so writing while iterating it is safe; its order is deterministic.
		for (const node of this.nodes.list()) {
			try {
				this.monitor(node, now);
			} catch (error) {
				// One node's failed write waits for the next pass; the others go on.
				if (!isStatusError(error)) throw error;
			}
		}
	}

	/** monitorNodeHealth for one node, then processTaintBaseEviction. */
	private monitor(input: Node, now: number): void {
		let node = input;
		const name = node.metadata!.name!;
		if (this.health.silent(node, now)) {
			const conditions = unknownConditions(node, this.ctx.clock.timestamp(now));
			if (conditions) {
				const {resourceVersion: _, ...metadata} = node.metadata!;
				node = this.client.updateStatus<Node>('nodes', {...node, metadata, status: {...node.status, conditions}}, {reason: `no heartbeat from node ${name} for the grace period: conditions Unknown`});
			}
		}
		const ready = node.status?.conditions?.find(c => c.type === 'Ready')?.status;
		const observed = this.health.swapObservedReady(name, ready);
		if (ready !== 'True' && observed === 'True') {
			this.recorder.event(node, 'Normal', 'NodeNotReady', `Node ${name} status is now: NodeNotReady`);
			this.markPodsNotReady(name);
		}
		const noExecute = wantedNoExecuteTaint(node);
		const taints = reconcileTaints(node, 'NoExecute', new Set(noExecute ? [noExecute] : []), this.ctx.clock.timestamp(now));
		if (taints) {
			this.client.patch('nodes', name, {spec: {taints: taints.length ? taints : null}}, {reason: noExecute ? `node ${ready === 'False' ? 'not ready' : 'unreachable'}: ${noExecute}:NoExecute` : 'node ready again: NoExecute taints removed'});
		}
	}

	/** MarkPodsNotReady: the pods of a node that stopped reporting are no longer Ready. */
	private markPodsNotReady(nodeName: string): void {
		const pods = this.pods.byIndex('node', nodeName).sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
		for (const pod of pods) {
			const ready = pod.status?.conditions?.find(c => c.type === 'Ready');
			if (!ready || ready.status === 'False') continue;
			const {resourceVersion: _, ...metadata} = pod.metadata!;
			const conditions = setCondition(pod.status?.conditions, {...ready, status: 'False'}, this.ctx.clock.timestamp());
			try {
				const updated = this.client.updateStatus<Pod>('pods', {...pod, metadata, status: {...pod.status, conditions}}, {namespace: pod.metadata!.namespace, reason: `node ${nodeName} not ready: pod not ready`});
				this.recorder.event(updated, 'Warning', 'NodeNotReady', 'Node is not ready');
			} catch (error) {
				if (!isStatusError(error, 'NotFound')) throw error;
			}
		}
	}
}
