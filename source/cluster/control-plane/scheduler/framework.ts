// The scheduling framework's shapes, after kube-scheduler's: filter plugins say why a node cannot
// take a pod (reason strings exactly as upstream), score plugins rank the nodes that can.
import type {Node, Pod} from '../../objects/types.js';
import {milliCPU, bytes} from '../../objects/quantity.js';

export interface Resources {
	milliCPU: number;
	memory: number;
}

/** A pending pod with what the plugins need computed once. */
export interface PodInfo {
	pod: Pod;
	key: string;
	requests: Resources;
	/** Requests with upstream's non-zero defaults (100m, 200Mi) for scoring pods that request nothing. */
	nonZero: Resources;
	/** uid of the owning controller (its selector picks the pods that default spreading counts). */
	owner?: string;
}

/** A node with what is already placed on it (NodeInfo in the scheduler cache). */
export interface NodeInfo {
	node: Node;
	name: string;
	allocatable: Resources & {pods: number};
	requested: Resources;
	nonZeroRequested: Resources;
	pods: number;
	/** Pods on this node per owning controller uid. */
	owners: Map<string, number>;
	/** The node's topology.kubernetes.io/zone label. */
	zone?: string;
}

/** What a scoring pass may ask of the scheduler cache beyond the nodes themselves. */
export interface ScoreContext {
	/** Pods of `owner` in the zone `zone`, over all nodes. */
	podsInZone(owner: string, zone: string): number;
}

export interface FilterPlugin {
	name: string;
	/** Reasons the node cannot run the pod; empty when it can. */
	filter(pod: PodInfo, node: NodeInfo): string[];
}

export interface ScorePlugin {
	name: string;
	weight: number;
	/** Raw scores of the feasible nodes, in order; normalize() maps them to 0-100 when given. */
	score(pod: PodInfo, feasible: readonly NodeInfo[], ctx: ScoreContext): number[];
	normalize?(scores: number[]): number[];
}

const defaultMilliCPU = 100;
const defaultMemory = 200 * 1024 * 1024;

function containerRequests(pod: Pod): Resources & {nonZeroCPU: number; nonZeroMemory: number} {
	let cpu = 0, memory = 0, nzCPU = 0, nzMemory = 0;
	for (const c of pod.spec?.containers ?? []) {
		const r = c.resources?.requests ?? {};
		const cCPU = milliCPU(r.cpu), cMem = bytes(r.memory);
		cpu += cCPU;
		memory += cMem;
		nzCPU += r.cpu === undefined ? defaultMilliCPU : cCPU;
		nzMemory += r.memory === undefined ? defaultMemory : cMem;
	}
	// Sidecars run beside the app; other init containers run alone before it, so the pod needs the larger.
	let initCPU = 0, initMemory = 0;
	for (const c of pod.spec?.initContainers ?? []) {
		const r = c.resources?.requests ?? {};
		if (c.restartPolicy === 'Always') {
			cpu += milliCPU(r.cpu);
			memory += bytes(r.memory);
		} else {
			initCPU = Math.max(initCPU, milliCPU(r.cpu));
			initMemory = Math.max(initMemory, bytes(r.memory));
		}
	}
	return {milliCPU: Math.max(cpu, initCPU), memory: Math.max(memory, initMemory), nonZeroCPU: Math.max(nzCPU, initCPU), nonZeroMemory: Math.max(nzMemory, initMemory)};
}

/** A pod's cpu and memory requests as the scheduler counts them (sidecars add, other init containers max). */
export function podRequests(pod: Pod): Resources {
	const r = containerRequests(pod);
	return {milliCPU: r.milliCPU, memory: r.memory};
}

export function podInfo(pod: Pod, key: string): PodInfo {
	const r = containerRequests(pod);
	const owner = pod.metadata?.ownerReferences?.find(ref => ref.controller)?.uid;
	return {pod, key, requests: {milliCPU: r.milliCPU, memory: r.memory}, nonZero: {milliCPU: r.nonZeroCPU, memory: r.nonZeroMemory}, owner};
}

export function nodeAllocatable(node: Node): NodeInfo['allocatable'] {
	const a = node.status?.allocatable ?? node.status?.capacity ?? {};
	return {milliCPU: milliCPU(a.cpu), memory: bytes(a.memory), pods: Number(a.pods ?? 110) || 0};
}

/** upstream framework.DefaultNormalizeScore. */
export function defaultNormalize(scores: number[], reverse: boolean): number[] {
	const max = Math.max(0, ...scores);
	if (max === 0) return scores.map(() => (reverse ? 100 : 0));
	return scores.map(s => {
		const n = Math.floor((100 * s) / max);
		return reverse ? 100 - n : n;
	});
}
