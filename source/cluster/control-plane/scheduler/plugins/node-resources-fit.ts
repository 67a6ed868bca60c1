import type {FilterPlugin, ScorePlugin} from '../framework.js';

export const reasonTooManyPods = 'Too many pods';
export const reasonInsufficientCPU = 'Insufficient cpu';
export const reasonInsufficientMemory = 'Insufficient memory';

const none: string[] = [];

/** Percent of capacity left free (LeastAllocated's per-resource score). */
function freePercent(capacity: number, used: number): number {
	return capacity === 0 || used > capacity ? 0 : Math.floor(((capacity - used) * 100) / capacity);
}

function fraction(used: number, capacity: number): number {
	return capacity === 0 ? 1 : Math.min(1, used / capacity);
}

/** Filter: pod slots, cpu and memory requests against what is left of allocatable. Every shortfall is a reason.
 * Score (LeastAllocated): the emptier the node after placing the pod, the higher. */
export const nodeResourcesFit = {
	name: 'NodeResourcesFit',
	weight: 1,
	filter({requests}, info) {
		const tooMany = info.pods + 1 > info.allocatable.pods;
		const cpu = requests.milliCPU > 0 && requests.milliCPU > info.allocatable.milliCPU - info.requested.milliCPU;
		const memory = requests.memory > 0 && requests.memory > info.allocatable.memory - info.requested.memory;
		if (!tooMany && !cpu && !memory) return none;
		const reasons: string[] = [];
		if (tooMany) reasons.push(reasonTooManyPods);
		if (cpu) reasons.push(reasonInsufficientCPU);
		if (memory) reasons.push(reasonInsufficientMemory);
		return reasons;
	},
	score: ({nonZero}, feasible) => feasible.map(info => {
		const cpu = freePercent(info.allocatable.milliCPU, info.nonZeroRequested.milliCPU + nonZero.milliCPU);
		const memory = freePercent(info.allocatable.memory, info.nonZeroRequested.memory + nonZero.memory);
		return Math.floor((cpu + memory) / 2);
	}),
} satisfies FilterPlugin & ScorePlugin;

/** Score: prefer nodes whose cpu and memory would be used in equal fractions. */
export const nodeResourcesBalancedAllocation = {
	name: 'NodeResourcesBalancedAllocation',
	weight: 1,
	score: ({nonZero}, feasible) => feasible.map(info => {
		const cpu = fraction(info.nonZeroRequested.milliCPU + nonZero.milliCPU, info.allocatable.milliCPU);
		const memory = fraction(info.nonZeroRequested.memory + nonZero.memory, info.allocatable.memory);
		return Math.floor((1 - Math.abs(cpu - memory) / 2) * 100);
	}),
} satisfies ScorePlugin;
