import type {Taint, Toleration} from '../../../objects/types.js';
import type {FilterPlugin, ScorePlugin} from '../framework.js';
import {defaultNormalize} from '../framework.js';

export const reasonUntoleratedTaint = 'node(s) had untolerated taint(s)';

/** v1.Toleration.ToleratesTaint. */
export function toleratesTaint(t: Toleration, taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
	if (t.effect && t.effect !== taint.effect) return false;
	if (t.key && t.key !== taint.key) return false;
	if (!t.key && t.operator !== 'Exists') return false;
	if (t.operator === 'Exists') return true;
	return (t.value ?? '') === (taint.value ?? '');
}

export function tolerates(tolerations: Toleration[] | undefined, taint: Pick<Taint, 'key' | 'value' | 'effect'>): boolean {
	if (!tolerations) return false;
	for (const t of tolerations) if (toleratesTaint(t, taint)) return true;
	return false;
}

const none: string[] = [];
const untolerated = [reasonUntoleratedTaint];

/** Filter: every NoSchedule/NoExecute taint must be tolerated. Score: fewer untolerated PreferNoSchedule taints is better. */
export const taintToleration = {
	name: 'TaintToleration',
	weight: 3,
	filter({pod}, {node}) {
		const taints = node.spec?.taints;
		if (!taints) return none;
		for (const t of taints) {
			if ((t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec?.tolerations, t)) return untolerated;
		}
		return none;
	},
	score: ({pod}, feasible) => feasible.map(({node}) => {
		const taints = node.spec?.taints;
		if (!taints) return 0;
		let count = 0;
		for (const t of taints) if (t.effect === 'PreferNoSchedule' && !tolerates(pod.spec?.tolerations, t)) count++;
		return count;
	}),
	normalize: scores => defaultNormalize(scores, true),
} satisfies FilterPlugin & ScorePlugin;
