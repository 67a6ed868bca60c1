// The rolling-update arithmetic of pkg/controller/deployment/rolling.go and util.NewRSNewReplicas.
import type {Deployment, ReplicaSet} from '../../../objects/types.js';
import {maxSurge, maxUnavailable, specReplicas, sumSpec} from './util.js';

/** How many replicas the new ReplicaSet should have now (reconcileNewReplicaSet + NewRSNewReplicas). */
export function newReplicaSetReplicas(d: Deployment, all: readonly ReplicaSet[], newRS: ReplicaSet | undefined): number {
	const desired = d.spec?.replicas ?? 1;
	const current = specReplicas(newRS);
	if (current === desired) return current;
	if (current > desired) return desired;
	const maxTotal = desired + maxSurge(d);
	const total = sumSpec(all) + (newRS && all.includes(newRS) ? 0 : current);
	if (total >= maxTotal) return current;
	return current + Math.min(maxTotal - total, desired - current);
}

/** Old ReplicaSets to shrink now, and to what (reconcileOldReplicaSets): unhealthy pods first, then
 * available ones, never below desired - maxUnavailable available pods. Oldest ReplicaSets go first. */
export function oldReplicaSetScaleDowns(d: Deployment, oldRSs: readonly ReplicaSet[], newRS: ReplicaSet): Array<{rs: ReplicaSet; replicas: number}> {
	if (sumSpec(oldRSs) === 0) return [];
	const target = new Map<ReplicaSet, number>(oldRSs.map(rs => [rs, specReplicas(rs)]));
	const allPods = sumSpec(oldRSs) + specReplicas(newRS);
	const minAvailable = (d.spec?.replicas ?? 1) - maxUnavailable(d);
	const newUnavailable = specReplicas(newRS) - (newRS.status?.availableReplicas ?? 0);
	const maxScaledDown = allPods - minAvailable - newUnavailable;
	if (maxScaledDown <= 0) return [];

	// cleanupUnhealthyReplicas: pods that are not available cost nothing to remove.
	let cleaned = 0;
	for (const rs of oldRSs) {
		if (cleaned >= maxScaledDown) break;
		const replicas = target.get(rs)!;
		const unhealthy = replicas - (rs.status?.availableReplicas ?? 0);
		if (replicas === 0 || unhealthy <= 0) continue;
		const count = Math.min(maxScaledDown - cleaned, unhealthy);
		target.set(rs, replicas - count);
		cleaned += count;
	}

	// scaleDownOldReplicaSetsForRollingUpdate: then available pods, down to minAvailable.
	const available = [...oldRSs, newRS].reduce((n, rs) => n + (rs.status?.availableReplicas ?? 0), 0);
	if (available > minAvailable) {
		const total = available - minAvailable;
		let scaled = 0;
		for (const rs of oldRSs) {
			if (scaled >= total) break;
			const replicas = target.get(rs)!;
			if (replicas === 0) continue;
			const count = Math.min(replicas, total - scaled);
			target.set(rs, replicas - count);
			scaled += count;
		}
	}
	return oldRSs.filter(rs => target.get(rs) !== specReplicas(rs)).map(rs => ({rs, replicas: target.get(rs)!}));
}
