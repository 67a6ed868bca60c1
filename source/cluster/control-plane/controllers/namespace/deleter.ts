// The namespaced resources deleter (pkg/controller/namespace/deletion): empties a terminating namespace of every
// namespaced kind the API server serves, reports what remains in status conditions, and removes the `kubernetes`
// finalizer once nothing is left, which lets the API server delete the namespace.
import type {KubeObject, Namespace, Pod} from '../../../objects/types.js';
import type {Clock} from '../../../sim/clock.js';
import {isStatusError, resources, type ApiClient, type ResourceType} from '../../../api/index.js';
import {updateConditions, type ContentTotals} from './conditions.js';

/** The finalizer this controller owns (v1.FinalizerKubernetes). */
export const finalizerToken = 'kubernetes';
/** Assumed seconds for other finalizers to finish when objects still carry some. */
const finalizerEstimateSeconds = 15;

/** schema.GroupVersionResource's String(): `/v1, Resource=pods`. */
const gvrText = (type: ResourceType) => `${type.group}/${type.version}, Resource=${type.resource}`;

/** An error that is not a ResourcesRemaining estimate: the controller retries it with backoff. */
export class DeletionError extends Error {}

export class NamespacedResourcesDeleter {
	constructor(private readonly client: ApiClient, private readonly clock: Clock) {}

	/**
	 * One pass over a namespace marked for deletion. Returns the seconds content is estimated to need before it is
	 * gone (ResourcesRemainingError upstream), 0 when done; throws a DeletionError when content is stuck.
	 */
	delete(name: string): number {
		// Several writers touch a terminating namespace: read the latest, not a cache.
		let ns = this.client.find<Namespace>('namespaces', name);
		if (!ns?.metadata?.deletionTimestamp) return 0;
		if (ns.status?.phase !== 'Terminating') {
			ns = this.client.updateStatus<Namespace>('namespaces', {...ns, status: {...ns.status, phase: 'Terminating'}}, {reason: 'namespace is being deleted'});
		}
		if ((ns.spec?.finalizers ?? []).length === 0) return 0;
		const {estimate, totals, namespace} = this.deleteAllContent(ns);
		ns = namespace;
		if (totals.errors.length > 0) throw new DeletionError(totals.errors.join(', '));
		if (estimate > 0) return estimate;
		const finalizers = [...new Set((ns.spec?.finalizers ?? []).filter(f => f !== finalizerToken))].sort();
		this.client.writeSubresource('namespaces', name, 'finalize', {spec: {finalizers}}, {reason: 'namespace is empty: finalizer kubernetes removed'});
		return 0;
	}

	/** deleteAllContent: delete each served namespaced kind's objects, count what remains, write the conditions. */
	private deleteAllContent(ns: Namespace): {estimate: number; totals: ContentTotals; namespace: Namespace} {
		const name = ns.metadata!.name!;
		const deletedAt = Date.parse(ns.metadata!.deletionTimestamp!);
		const totals: ContentTotals = {remaining: new Map(), finalizers: new Map(), errors: []};
		let estimate = 0;
		for (const type of resources.filter(r => r.namespaced)) {
			const result = this.deleteAllContentFor(type, name, deletedAt);
			estimate = Math.max(estimate, result.estimate);
			if (result.error) totals.errors.push(result.error);
			if (result.remaining > 0) {
				totals.remaining.set(`${type.resource}.${type.group}`, result.remaining);
				for (const [finalizer, n] of result.finalizers) totals.finalizers.set(finalizer, (totals.finalizers.get(finalizer) ?? 0) + n);
			}
		}
		const conditions = updateConditions(ns.status?.conditions, totals, this.clock.timestamp());
		const namespace = conditions
			? this.client.updateStatus<Namespace>('namespaces', {...ns, status: {...ns.status, conditions}}, {reason: 'namespace deletion: content status'})
			: ns;
		return {estimate, totals, namespace};
	}

	/** deleteAllContentForGroupVersionResource: estimate, delete the collection, see what is left. */
	private deleteAllContentFor(type: ResourceType, namespace: string, deletedAt: number) {
		const estimate = type.resource === 'pods' ? this.estimatePods(namespace, deletedAt) : 0;
		for (const obj of this.client.list(type.resource, {namespace}).items) {
			try {
				this.client.delete(type.resource, obj.metadata!.name!, {namespace, preconditions: {uid: obj.metadata!.uid}, reason: `namespace ${namespace} is being deleted`});
			} catch (error) {
				if (!isStatusError(error, 'NotFound') && !isStatusError(error, 'Conflict')) throw error;
			}
		}
		const left: KubeObject[] = this.client.list(type.resource, {namespace}).items;
		const finalizers = new Map<string, number>();
		for (const obj of left) for (const f of obj.metadata?.finalizers ?? []) finalizers.set(f, (finalizers.get(f) ?? 0) + 1);
		if (left.length === 0 || estimate > 0) return {estimate, remaining: left.length, finalizers};
		// Objects held by finalizers are normal: give their owners some time.
		if (finalizers.size > 0) return {estimate: finalizerEstimateSeconds, remaining: left.length, finalizers};
		return {estimate, remaining: left.length, finalizers, error: `unexpected items still remain in namespace: ${namespace} for gvr: ${gvrText(type)}`};
	}

	/**
	 * estimateGracefulTerminationForPods: the longest grace period of pods not yet finished, or 0 once that long
	 * has passed since the namespace was deleted.
	 */
	private estimatePods(namespace: string, deletedAt: number): number {
		let estimate = 0;
		for (const pod of this.client.list<Pod>('pods', {namespace}).items) {
			if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') continue;
			estimate = Math.max(estimate, pod.spec?.terminationGracePeriodSeconds ?? 0);
		}
		return this.clock.now() - deletedAt >= estimate * 1000 ? 0 : estimate;
	}
}
