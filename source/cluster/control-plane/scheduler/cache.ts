// The scheduler cache: for each node, what the pods placed on it request. Pods the scheduler has bound
// but not yet seen come back through its watch are "assumed" here at once, so the next pod in the same
// pass does not land on a node that is already full.
import type {Node} from '../../objects/types.js';
import {nodeAllocatable, type NodeInfo, type PodInfo} from './framework.js';

export class SchedulerCache {
	private readonly nodes = new Map<string, NodeInfo>();
	private readonly placed = new Map<string, {node: string; pod: PodInfo}>();
	private sorted: NodeInfo[] | undefined;

	setNode(node: Node): void {
		const name = node.metadata!.name!;
		const existing = this.nodes.get(name);
		if (existing) {
			existing.node = node;
			existing.allocatable = nodeAllocatable(node);
			return;
		}
		const info: NodeInfo = {node, name, allocatable: nodeAllocatable(node), requested: {milliCPU: 0, memory: 0}, nonZeroRequested: {milliCPU: 0, memory: 0}, pods: 0};
		this.nodes.set(name, info);
		this.sorted = undefined;
		// Pods that were seen before their node.
		for (const {node: nodeName, pod} of this.placed.values()) if (nodeName === name) this.account(info, pod, 1);
	}

	removeNode(name: string): void {
		this.nodes.delete(name);
		this.sorted = undefined;
	}

	/** Place a pod (idempotent: a pod already placed on that node is not counted twice). */
	addPod(key: string, nodeName: string, pod: PodInfo): void {
		const current = this.placed.get(key);
		if (current?.node === nodeName) return;
		if (current) this.removePod(key);
		this.placed.set(key, {node: nodeName, pod});
		const info = this.nodes.get(nodeName);
		if (info) this.account(info, pod, 1);
	}

	/** Returns true when the pod was placed (its node has room again). */
	removePod(key: string): boolean {
		const current = this.placed.get(key);
		if (!current) return false;
		this.placed.delete(key);
		const info = this.nodes.get(current.node);
		if (info) this.account(info, current.pod, -1);
		return true;
	}

	private account(info: NodeInfo, pod: PodInfo, sign: 1 | -1): void {
		info.pods += sign;
		info.requested.milliCPU += sign * pod.requests.milliCPU;
		info.requested.memory += sign * pod.requests.memory;
		info.nonZeroRequested.milliCPU += sign * pod.nonZero.milliCPU;
		info.nonZeroRequested.memory += sign * pod.nonZero.memory;
	}

	/** Nodes in a stable order (by name), so runs are reproducible. */
	nodeList(): NodeInfo[] {
		this.sorted ??= [...this.nodes.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
		return this.sorted;
	}

	node(name: string): NodeInfo | undefined {
		return this.nodes.get(name);
	}
}
