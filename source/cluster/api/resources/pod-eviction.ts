// pods/eviction (pkg/registry/core/pod/storage/eviction.go): a delete that asks the pod's PodDisruptionBudget first.
// A budget with no disruptions left refuses with 429; one that allows it is spent (status.disruptionsAllowed - 1,
// the pod noted in status.disruptedPods until the disruption controller sees it go), then the pod is deleted.
import type {Eviction, KubeObject, Pod, PodDisruptionBudget} from '../../objects/types.js';
import type {ActionSubresource} from '../resource.js';
import {fromLabelSelector} from '../../objects/labels.js';
import {isPodReady} from '../../objects/pod-status.js';
import {badRequest, forbidden, internalError, tooManyRequests} from '../errors.js';

export const disruptionBudgetRefusal = "Cannot evict pod as it would violate the pod's disruption budget.";

/** What a successful eviction answers (metav1.Status Success). */
const success: KubeObject = {apiVersion: 'v1', kind: 'Status', metadata: {}, status: 'Success'} as KubeObject;

/** canIgnorePDB: a finished, pending or already terminating pod disrupts nothing. */
const canIgnoreBudget = (pod: Pod) =>
	pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed' || pod.status?.phase === 'Pending' || !!pod.metadata?.deletionTimestamp;

export const eviction: ActionSubresource<Pod, Eviction> = {
	verb: 'create',
	act(pod, body, ops) {
		const name = pod.metadata!.name!;
		const namespace = pod.metadata!.namespace;
		if (body.metadata?.name && body.metadata.name !== name) throw badRequest(`name in URL does not match name in Eviction object`);
		const grace = body.deleteOptions?.gracePeriodSeconds;
		const remove = (reason: string) => {
			ops.delete('pods', name, {namespace, preconditions: {uid: pod.metadata!.uid}, reason, ...(grace !== undefined && grace !== null ? {gracePeriodSeconds: grace} : {})});
			return success;
		};
		if (canIgnoreBudget(pod)) return remove('evicted (no disruption budget applies)');
		const labels = pod.metadata?.labels ?? {};
		const budgets = (ops.list('poddisruptionbudgets', namespace) as PodDisruptionBudget[]).filter(p => fromLabelSelector(p.spec?.selector).matches(labels));
		if (budgets.length === 0) return remove('evicted');
		if (budgets.length > 1) throw internalError('This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.');
		const pdb = budgets[0]!;
		const pdbName = pdb.metadata!.name!;
		const status: NonNullable<PodDisruptionBudget['status']> = pdb.status ?? {currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0};
		if ((status.observedGeneration ?? 0) < (pdb.metadata?.generation ?? 0)) {
			throw tooManyRequests(disruptionBudgetRefusal, {reason: 'DisruptionBudget', message: `The disruption budget ${pdbName} is still being processed by the server.`});
		}
		if ((status.disruptionsAllowed ?? 0) < 0) throw forbidden({group: 'policy', resource: 'poddisruptionbudgets'}, pdbName, 'pdb disruptions allowed is negative');
		// An unready pod may go while the budget is met anyway (IfHealthyBudget), or always (AlwaysAllow).
		if (!isPodReady(pod)) {
			const always = pdb.spec?.unhealthyPodEvictionPolicy === 'AlwaysAllow';
			if (always || ((status.currentHealthy ?? 0) >= (status.desiredHealthy ?? 0) && (status.desiredHealthy ?? 0) > 0)) return remove(`evicted: unhealthy, budget ${pdbName} met`);
		}
		if ((status.disruptionsAllowed ?? 0) === 0) {
			throw tooManyRequests(disruptionBudgetRefusal, {reason: 'DisruptionBudget', message: `The disruption budget ${pdbName} needs ${status.desiredHealthy ?? 0} healthy pods and has ${status.currentHealthy ?? 0} currently`});
		}
		const {resourceVersion: _, ...metadata} = pdb.metadata!;
		ops.updateStatus('poddisruptionbudgets', {
			...pdb, metadata,
			status: {...status, disruptionsAllowed: (status.disruptionsAllowed ?? 0) - 1, disruptedPods: {...status.disruptedPods, [name]: ops.timestamp()}},
		}, `pod ${name} disrupts budget ${pdbName}`);
		return remove(`evicted within budget ${pdbName}`);
	},
};
