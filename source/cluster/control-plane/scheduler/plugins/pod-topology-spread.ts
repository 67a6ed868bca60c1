// PodTopologySpread scoring with the system default constraints, which every pod without constraints of
// its own gets: spread the pods of one controller over hostnames (maxSkew 3) and zones (maxSkew 5),
// ScheduleAnyway. Fewer matching pods in a node's domains means a higher score (scoring.go upstream).
import type {NodeInfo, PodInfo, ScoreContext, ScorePlugin} from '../framework.js';

const hostnameMaxSkew = 3;
const zoneMaxSkew = 5;

/** topologyNormalizingWeight: domains count, through a log, so many small domains do not dominate. */
const weight = (domains: number) => Math.log(domains + 2);

function zoneDomains(feasible: readonly NodeInfo[]): number {
	const zones = new Set<string>();
	for (const n of feasible) {
		if (n.zone !== undefined) zones.add(n.zone);
	}
	return zones.size;
}

export const podTopologySpread = {
	name: 'PodTopologySpread',
	weight: 2,
	score(pod: PodInfo, feasible: readonly NodeInfo[], ctx: ScoreContext) {
		const owner = pod.owner;
		// No owner, no default selector: the plugin has nothing to spread.
		if (!owner) return feasible.map(() => 0);
		const hostWeight = weight(feasible.length);
		const zoneWeight = weight(zoneDomains(feasible));
		return feasible.map(node => {
			let score = (node.owners.get(owner) ?? 0) * hostWeight + (hostnameMaxSkew - 1);
			if (node.zone !== undefined) score += ctx.podsInZone(owner, node.zone) * zoneWeight + (zoneMaxSkew - 1);
			return Math.round(score);
		});
	},
	/** Fewer pods in the node's domains scores higher: 100 * (max + min - score) / max. */
	normalize(scores: number[]) {
		let min = Infinity, max = 0;
		for (const s of scores) {
			if (s < min) min = s;
			if (s > max) max = s;
		}
		return scores.map(s => (max === 0 ? 100 : Math.floor((100 * (max + min - s)) / max)));
	},
} satisfies ScorePlugin;
