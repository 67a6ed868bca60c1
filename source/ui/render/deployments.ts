// Deployments (k9s render/dp.go): NAMESPACE NAME READY UP-TO-DATE AVAILABLE AGE; wide: LABELS, SELECTOR.
import {age, formatLabels, type Deployment} from '../../cluster/index.js';
import {byNamespaceAndName, type Column, type ResourceRenderer, type Tone} from './types.js';

const desired = (d: Deployment) => d.spec?.replicas ?? 1;
const available = (d: Deployment) => d.status?.availableReplicas ?? 0;

function selectorText(d: Deployment): string {
	const labels = d.spec?.selector?.matchLabels;
	const expressions = d.spec?.selector?.matchExpressions ?? [];
	const parts = labels && Object.keys(labels).length > 0 ? [formatLabels(labels)] : [];
	for (const e of expressions) parts.push(`${e.key} ${e.operator.toLowerCase()} (${(e.values ?? []).join(',')})`);
	return parts.length === 0 ? '<none>' : parts.join(',');
}

export const deploymentColumns = [
	{title: 'NAMESPACE', value: d => d.metadata?.namespace ?? '', min: 6, drop: 3},
	{title: 'NAME', value: d => d.metadata?.name ?? '', min: 10},
	{title: 'READY', value: d => `${available(d)}/${desired(d)}`, align: 'right'},
	{title: 'UP-TO-DATE', value: d => `${d.status?.updatedReplicas ?? 0}`, align: 'right', drop: 2},
	{title: 'AVAILABLE', value: d => `${available(d)}`, align: 'right', drop: 4},
	{title: 'AGE', value: (d, ctx) => age(d.metadata?.creationTimestamp, ctx.now), drop: 1},
	{title: 'LABELS', value: d => formatLabels(d.metadata?.labels), wide: true, min: 10, cut: true, drop: 5},
	{title: 'SELECTOR', value: selectorText, wide: true, min: 10, cut: true, drop: 5},
] satisfies Array<Column<Deployment>>;

/**
 * k9s colours a deployment scaled to 0 dark orange. A failed rollout (ReplicaFailure, or Progressing=False after
 * the progress deadline) is an error; one still on its way to the desired count is pending, like its pods.
 */
export function deploymentTone(d: Deployment): Tone {
	if (d.metadata?.deletionTimestamp) return 'terminating';
	if (desired(d) === 0) return 'pending';
	const conditions = d.status?.conditions ?? [];
	const failed = conditions.some(c => (c.type === 'ReplicaFailure' && c.status === 'True') || (c.type === 'Progressing' && c.status === 'False'));
	if (failed) return 'error';
	return available(d) < desired(d) ? 'pending' : 'normal';
}

export const deployments = {
	resource: 'deployments',
	namespaced: true,
	columns: deploymentColumns,
	tone: deploymentTone,
	compare: byNamespaceAndName,
} satisfies ResourceRenderer<Deployment>;
