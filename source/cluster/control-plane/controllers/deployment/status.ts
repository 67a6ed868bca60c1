// Deployment status and conditions (calculateStatus, syncRolloutStatus).
import type {Deployment, ReplicaSet} from '../../../objects/types.js';
import {setCondition, getCondition} from '../../../objects/conditions.js';
import {maxUnavailable, sumSpec, sumStatus} from './util.js';

type DeploymentStatus = NonNullable<Deployment['status']>;
type DeploymentCondition = NonNullable<DeploymentStatus['conditions']>[number];

function condition(old: DeploymentStatus | undefined, type: string, status: string, reason: string, message: string, now: string): DeploymentCondition {
	const previous = getCondition(old?.conditions, type);
	const same = previous && previous.status === status && previous.reason === reason && previous.message === message;
	return {type, status, reason, message, lastUpdateTime: same ? previous.lastUpdateTime : now, lastTransitionTime: previous?.lastTransitionTime};
}

export function deploymentStatus(d: Deployment, owned: readonly ReplicaSet[], newRS: ReplicaSet | undefined, now: string): DeploymentStatus {
	const desired = d.spec?.replicas ?? 1;
	const available = sumStatus(owned, 'availableReplicas');
	const status: DeploymentStatus = {
		observedGeneration: d.metadata?.generation,
		replicas: sumStatus(owned, 'replicas'),
		updatedReplicas: newRS?.status?.replicas ?? 0,
		readyReplicas: sumStatus(owned, 'readyReplicas'),
		availableReplicas: available,
		unavailableReplicas: Math.max(0, sumSpec(owned) - available),
		...(d.status?.collisionCount !== undefined ? {collisionCount: d.status.collisionCount} : {}),
	};
	let conditions = d.status?.conditions ?? [];
	const enough = available >= desired - maxUnavailable(d);
	conditions = setCondition(conditions, enough
		? condition(d.status, 'Available', 'True', 'MinimumReplicasAvailable', 'Deployment has minimum availability.', now)
		: condition(d.status, 'Available', 'False', 'MinimumReplicasUnavailable', 'Deployment does not have minimum availability.', now), now);
	if (newRS) {
		const complete = status.updatedReplicas === desired && status.availableReplicas === desired && status.replicas === desired;
		const name = newRS.metadata!.name;
		conditions = setCondition(conditions, complete
			? condition(d.status, 'Progressing', 'True', 'NewReplicaSetAvailable', `ReplicaSet "${name}" has successfully progressed.`, now)
			: condition(d.status, 'Progressing', 'True', 'ReplicaSetUpdated', `ReplicaSet "${name}" is progressing.`, now), now);
	}
	status.conditions = conditions;
	return status;
}
