// Deployments: kubectl's columns (NAME READY UP-TO-DATE AVAILABLE AGE; wide CONTAINERS IMAGES SELECTOR), k9s's tones.
import {lookupResource, type Deployment, type ResourceDescriptor} from '../../cluster/index.js';
import {byNamespaceAndName, descriptorColumns, type ResourceRenderer, type Tone} from './types.js';

const desired = (d: Deployment) => d.spec?.replicas ?? 1;
const available = (d: Deployment) => d.status?.availableReplicas ?? 0;

export const deploymentColumns = descriptorColumns(lookupResource('deployments') as ResourceDescriptor<Deployment>);

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
