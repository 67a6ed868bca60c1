// Which pods a ReplicaSet deletes first when it scales down: upstream's ActivePodsWithRanks ordering.
// The first rule that tells two pods apart decides.
import type {Pod} from '../../../objects/types.js';
import {isPodReady} from '../../../objects/pod-status.js';

const phaseOrder: Record<string, number> = {Pending: 0, Unknown: 1, Running: 2};
const deletionCost = 'controller.kubernetes.io/pod-deletion-cost';

function readySince(pod: Pod): string {
	return pod.status?.conditions?.find(c => c.type === 'Ready' && c.status === 'True')?.lastTransitionTime ?? '';
}

function maxRestarts(pod: Pod): number {
	return Math.max(0, ...(pod.status?.containerStatuses ?? []).map(c => c.restartCount));
}

/** Negative when `a` should be deleted before `b`. `rank` is the number of related pods on each pod's node. */
export function compareForDeletion(a: Pod, b: Pod, rank: (pod: Pod) => number): number {
	// 1. Not yet scheduled before scheduled.
	const aAssigned = a.spec?.nodeName ? 1 : 0, bAssigned = b.spec?.nodeName ? 1 : 0;
	if (aAssigned !== bAssigned) return aAssigned - bAssigned;
	// 2. Pending before Unknown before Running.
	const aPhase = phaseOrder[a.status?.phase ?? 'Pending'] ?? 0, bPhase = phaseOrder[b.status?.phase ?? 'Pending'] ?? 0;
	if (aPhase !== bPhase) return aPhase - bPhase;
	// 3. Not ready before ready.
	const aReady = isPodReady(a) ? 1 : 0, bReady = isPodReady(b) ? 1 : 0;
	if (aReady !== bReady) return aReady - bReady;
	// 4. Lower pod-deletion-cost first.
	const aCost = Number(a.metadata?.annotations?.[deletionCost] ?? 0) || 0, bCost = Number(b.metadata?.annotations?.[deletionCost] ?? 0) || 0;
	if (aCost !== bCost) return aCost - bCost;
	// 5. More related pods on the same node first (spreads what remains).
	const aRank = rank(a), bRank = rank(b);
	if (aRank !== bRank) return bRank - aRank;
	// 6. Ready for a shorter time first.
	if (aReady && bReady) {
		const aSince = readySince(a), bSince = readySince(b);
		if (aSince !== bSince) return aSince > bSince ? -1 : 1;
	}
	// 7. More restarts first.
	const aRestarts = maxRestarts(a), bRestarts = maxRestarts(b);
	if (aRestarts !== bRestarts) return bRestarts - aRestarts;
	// 8. Newer first.
	const aCreated = a.metadata?.creationTimestamp ?? '', bCreated = b.metadata?.creationTimestamp ?? '';
	if (aCreated !== bCreated) return aCreated > bCreated ? -1 : 1;
	return 0;
}

/** The `count` pods to delete, in deletion order. `related` are the pods ranked for rule 5. */
export function podsToDelete(pods: readonly Pod[], related: readonly Pod[], count: number): Pod[] {
	const perNode = new Map<string, number>();
	for (const pod of related) {
		const node = pod.spec?.nodeName;
		if (node) perNode.set(node, (perNode.get(node) ?? 0) + 1);
	}
	const rank = (pod: Pod) => (pod.spec?.nodeName ? perNode.get(pod.spec.nodeName) ?? 0 : 0);
	return [...pods].sort((a, b) => compareForDeletion(a, b, rank)).slice(0, count);
}
