// Nodes (k9s render/node.go): NAME STATUS ROLE TAINTS VERSION PODS CPU MEM AGE; wide: INTERNAL-IP, LABELS.
// CPU and MEM are what bound pods request of what the node can allocate: `1250m/4 31%`.
import {age, bytes, formatLabels, formatMilliCPU, milliCPU, nodeRoles, nodeStatus, type Node} from '../../cluster/index.js';
import {compareText, type Column, type RenderContext, type ResourceRenderer, type Tone} from './types.js';

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

function internalIP(n: Node): string {
	return n.status?.addresses?.find(a => a.type === 'InternalIP')?.address ?? '<none>';
}

export const nodeColumns = [
	{title: 'NAME', value: n => n.metadata?.name ?? '', min: 8},
	{title: 'STATUS', value: nodeStatus, min: 6},
	{title: 'ROLE', value: nodeRoles, min: 6, drop: 4},
	{title: 'TAINTS', value: n => `${n.spec?.taints?.length ?? 0}`, align: 'right', drop: 5},
	{title: 'VERSION', value: n => n.status?.nodeInfo?.kubeletVersion ?? '', drop: 6},
	{title: 'PODS', value: (n, ctx) => `${usageOf(n, ctx).pods}`, align: 'right', drop: 3},
	{title: 'CPU', value: cpuCell, drop: 2},
	{title: 'MEM', value: memoryCell, drop: 2},
	{title: 'AGE', value: (n, ctx) => age(n.metadata?.creationTimestamp, ctx.now), drop: 1},
	{title: 'INTERNAL-IP', value: internalIP, wide: true, drop: 7},
	{title: 'LABELS', value: n => formatLabels(n.metadata?.labels), wide: true, min: 10, cut: true, drop: 7},
] satisfies Array<Column<Node>>;

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
