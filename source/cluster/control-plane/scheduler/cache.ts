// The scheduler cache: for each node, what the pods placed on it request. Pods the scheduler has bound
// but not yet seen come back through its watch are "assumed" here at once, so the next pod in the same
// pass does not land on a node that is already full.
import type {Node} from '../../objects/types.js';
import {nodeAllocatable, type NodeInfo, type PodInfo, type ScoreContext} from './framework.js';

export const zoneLabel = 'topology.kubernetes.io/zone';
const zoneOf = (info: NodeInfo) => info.zone;

export class SchedulerCache implements ScoreContext {
	private readonly nodes = new Map<string, NodeInfo>();
	private readonly placed = new Map<string, {node: string; pod: PodInfo}>();
	private sorted: NodeInfo[] | undefined;
	/** owner uid -> zone -> pods: default spreading's zone counts without a pass over every node. */
	private readonly zones = new Map<string, Map<string, number>>();

	setNode(node: Node): void {
		const name = node.metadata!.name!;
		const existing = this.nodes.get(name);
		if (existing) {
			const before = existing.zone;
			existing.node = node;
			existing.allocatable = nodeAllocatable(node);
			const after = (existing.zone = node.metadata?.labels?.[zoneLabel]);
			if (before !== after) {
				for (const [owner, count] of existing.owners) {
					if (before) this.addZone(owner, before, -count);
					if (after) this.addZone(owner, after, count);
				}
			}
			return;
		}
		const info: NodeInfo = {node, name, allocatable: nodeAllocatable(node), requested: {milliCPU: 0, memory: 0}, nonZeroRequested: {milliCPU: 0, memory: 0}, pods: 0, owners: new Map(), zone: node.metadata?.labels?.[zoneLabel]};
		this.nodes.set(name, info);
		this.sorted = undefined;
		// Pods that were seen before their node.
		for (const {node: nodeName, pod} of this.placed.values()) if (nodeName === name) this.account(info, pod, 1);
	}

	removeNode(name: string): void {
		const info = this.nodes.get(name);
		const zone = info && zoneOf(info);
		if (zone) for (const [owner, count] of info.owners) this.addZone(owner, zone, -count);
		this.nodes.delete(name);
		this.sorted = undefined;
	}

	/** Whether the pod is already counted on that node. */
	isPlaced(key: string, nodeName: string): boolean {
		return this.placed.get(key)?.node === nodeName;
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
		if (pod.owner) {
			const count = (info.owners.get(pod.owner) ?? 0) + sign;
			if (count === 0) info.owners.delete(pod.owner);
			else info.owners.set(pod.owner, count);
			const zone = zoneOf(info);
			if (zone) this.addZone(pod.owner, zone, sign);
		}
	}

	private addZone(owner: string, zone: string, delta: number): void {
		let byZone = this.zones.get(owner);
		if (!byZone) this.zones.set(owner, (byZone = new Map()));
		const count = (byZone.get(zone) ?? 0) + delta;
		if (count === 0) byZone.delete(zone);
		else byZone.set(zone, count);
		if (byZone.size === 0) this.zones.delete(owner);
	}

	podsInZone(owner: string, zone: string): number {
		return this.zones.get(owner)?.get(zone) ?? 0;
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
