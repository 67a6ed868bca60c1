// Nodes: kubectl's columns (NAME STATUS ROLES AGE VERSION; wide INTERNAL-IP ...) and k9s's PODS, CPU and MEM:
// what bound pods request of what the node can allocate, `1250m/4 31%`.
import {bytes, formatMilliCPU, lookupResource, milliCPU, nodeStatus, type Node, type ResourceDescriptor} from '../../cluster/index.js';
import {compareText, descriptorColumns, type RenderContext, type ResourceRenderer, type Tone} from './types.js';

const noUsage = {pods: 0, milliCPU: 0, memory: 0};
const usageOf = (n: Node, ctx: RenderContext) => ctx.nodeUsage.get(n.metadata?.name ?? '') ?? noUsage;

function percent(used: number, total: number): string {
	return total > 0 ? `${Math.round((used / total) * 100)}%` : 'n/a';
}

const Mi = 2 ** 20;
const Gi = 2 ** 30;

/** Memory for a table cell: whole Mi below 1Gi, else Gi with at most one decimal (`512Mi`, `8Gi`, `1.5Gi`). */
export function formatMemory(value: number): string {
	if (value === 0) return '0';
	if (value < Gi) return `${Math.round(value / Mi)}Mi`;
	const gi = Math.round((value / Gi) * 10) / 10;
	return `${gi}Gi`;
}

export function cpuCell(n: Node, ctx: RenderContext): string {
	const allocatable = milliCPU(n.status?.allocatable?.['cpu']);
	const used = usageOf(n, ctx).milliCPU;
	return `${formatMilliCPU(used)}/${formatMilliCPU(allocatable)} ${percent(used, allocatable)}`;
}

export function memoryCell(n: Node, ctx: RenderContext): string {
	const allocatable = bytes(n.status?.allocatable?.['memory']);
	const used = usageOf(n, ctx).memory;
	return `${formatMemory(used)}/${formatMemory(allocatable)} ${percent(used, allocatable)}`;
}

// kubectl's columns, with k9s's TAINTS, PODS, CPU and MEM (what bound pods request of what the node allocates).
export const nodeColumns = descriptorColumns(lookupResource('nodes') as ResourceDescriptor<Node>, {
	before: 'AGE',
	extra: [
		{title: 'TAINTS', value: n => `${n.spec?.taints?.length ?? 0}`, align: 'right', drop: 5},
		{title: 'PODS', value: (n, ctx) => `${usageOf(n, ctx).pods}`, align: 'right', drop: 3},
		{title: 'CPU', value: cpuCell, drop: 2, reserve: '3350m/4 84%'.length},
		{title: 'MEM', value: memoryCell, drop: 2, reserve: '1.4Gi/8Gi 18%'.length},
	],
});

/** NotReady or Unknown is an error; cordoned (SchedulingDisabled) is dark orange, as k9s shows it. */
export function nodeTone(n: Node): Tone {
	if (n.metadata?.deletionTimestamp) return 'terminating';
	const status = nodeStatus(n);
	if (!status.startsWith('Ready')) return 'error';
	if (n.spec?.unschedulable) return 'pending';
	return 'normal';
}

export const nodes = {
	resource: 'nodes',
	namespaced: false,
	columns: nodeColumns,
	tone: nodeTone,
	compare: (a, b) => compareText(a.metadata?.name ?? '', b.metadata?.name ?? ''),
} satisfies ResourceRenderer<Node>;
