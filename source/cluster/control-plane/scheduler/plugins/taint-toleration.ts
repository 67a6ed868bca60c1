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

export const tolerates = (tolerations: Toleration[] | undefined, taint: Pick<Taint, 'key' | 'value' | 'effect'>) =>
	(tolerations ?? []).some(t => toleratesTaint(t, taint));

/** Filter: every NoSchedule/NoExecute taint must be tolerated. Score: fewer untolerated PreferNoSchedule taints is better. */
export const taintToleration = {
	name: 'TaintToleration',
	weight: 3,
	filter({pod}, {node}) {
		const bad = (node.spec?.taints ?? []).find(t => (t.effect === 'NoSchedule' || t.effect === 'NoExecute') && !tolerates(pod.spec?.tolerations, t));
		return bad ? [reasonUntoleratedTaint] : [];
	},
	score({pod}, {node}) {
		return (node.spec?.taints ?? []).filter(t => t.effect === 'PreferNoSchedule' && !tolerates(pod.spec?.tolerations, t)).length;
	},
	normalize: scores => defaultNormalize(scores, true),
} satisfies FilterPlugin & ScorePlugin;
