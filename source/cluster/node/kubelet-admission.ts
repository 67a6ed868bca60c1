// The kubelet's own admission (lifecycle/predicate.go): a pod bound to this node (by the scheduler or
// by spec.nodeName) must fit in what the node can allocate, next to the pods it already runs, or it is
// rejected: phase Failed, reason OutOfpods / OutOfcpu / OutOfmemory.
import type {Node, Pod} from '../objects/types.js';
import {nodeAllocatable, podRequests} from '../control-plane/scheduler/framework.js';

export interface Rejection {
	reason: string;
	message: string;
}

export function admitPod(pod: Pod, node: Node | undefined, admitted: Iterable<Pod>): Rejection | undefined {
	if (!node) return undefined;
	const allocatable = nodeAllocatable(node);
	const wanted = podRequests(pod);
	let cpu = 0, memory = 0, pods = 0;
	for (const other of admitted) {
		pods++;
		const r = podRequests(other);
		cpu += r.milliCPU;
		memory += r.memory;
	}
	const check = (name: string, requested: number, used: number, capacity: number): Rejection | undefined =>
		requested > 0 && requested + used > capacity
			? {reason: `OutOf${name}`, message: `Node didn't have enough resource: ${name}, requested: ${requested}, used: ${used}, capacity: ${capacity}`}
			: undefined;
	return check('pods', 1, pods, allocatable.pods) ?? check('cpu', wanted.milliCPU, cpu, allocatable.milliCPU) ?? check('memory', wanted.memory, memory, allocatable.memory);
}
