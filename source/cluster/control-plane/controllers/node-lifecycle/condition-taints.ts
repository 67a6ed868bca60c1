// The taints the node lifecycle controller keeps in step with a node's conditions (pkg/controller/nodelifecycle):
// NoSchedule ones (TaintNodesByCondition) so nothing new lands there, and NoExecute ones (taint-based eviction)
// on a node that is NotReady or unreachable, so the taint eviction controller moves its pods after their toleration.
import type {Node, Taint} from '../../../objects/types.js';

export const unschedulableTaint = 'node.kubernetes.io/unschedulable';
export const notReadyTaint = 'node.kubernetes.io/not-ready';
export const unreachableTaint = 'node.kubernetes.io/unreachable';

/** nodeConditionToTaintKeyStatusMap: the condition values that taint a node NoSchedule. */
const conditionTaints: Array<[type: string, status: string, key: string]> = [
	['Ready', 'False', notReadyTaint],
	['Ready', 'Unknown', unreachableTaint],
	['MemoryPressure', 'True', 'node.kubernetes.io/memory-pressure'],
	['DiskPressure', 'True', 'node.kubernetes.io/disk-pressure'],
	['NetworkUnavailable', 'True', 'node.kubernetes.io/network-unavailable'],
	['PIDPressure', 'True', 'node.kubernetes.io/pid-pressure'],
];
const managedNoSchedule = new Set([unschedulableTaint, ...conditionTaints.map(([, , key]) => key)]);

const readyStatus = (node: Node) => node.status?.conditions?.find(c => c.type === 'Ready')?.status;

/** The NoSchedule taint keys a node should carry from its conditions and spec.unschedulable. */
export function wantedNoScheduleTaints(node: Node): Set<string> {
	const wanted = new Set<string>();
	for (const condition of node.status?.conditions ?? []) {
		for (const [type, status, key] of conditionTaints) if (condition.type === type && condition.status === status) wanted.add(key);
	}
	if (node.spec?.unschedulable) wanted.add(unschedulableTaint);
	return wanted;
}

/** The NoExecute taint key a node should carry: not-ready when the kubelet says NotReady, unreachable when silent. */
export function wantedNoExecuteTaint(node: Node): string | undefined {
	const status = readyStatus(node);
	return status === 'False' ? notReadyTaint : status === 'Unknown' ? unreachableTaint : undefined;
}

/**
 * The node's taints with the controller's own taints of `effect` replaced by `wanted` (others untouched, a taint
 * kept keeps its timeAdded); undefined when nothing changes.
 */
export function reconcileTaints(node: Node, effect: 'NoSchedule' | 'NoExecute', wanted: ReadonlySet<string>, timestamp: string): Taint[] | undefined {
	const managed = effect === 'NoSchedule' ? managedNoSchedule : new Set([notReadyTaint, unreachableTaint]);
	const taints = node.spec?.taints ?? [];
	const mine = (t: Taint) => t.effect === effect && managed.has(t.key);
	const present = new Set(taints.filter(mine).map(t => t.key));
	if (present.size === wanted.size && [...wanted].every(key => present.has(key))) return undefined;
	const kept = taints.filter(t => !mine(t) || wanted.has(t.key));
	const added = [...wanted].filter(key => !present.has(key)).sort().map(key => ({key, effect, timeAdded: timestamp}));
	return [...kept, ...added];
}
