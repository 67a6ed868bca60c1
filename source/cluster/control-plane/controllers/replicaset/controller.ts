// The ReplicaSet controller (pkg/controller/replicaset): creates and deletes pods until the count of
// active pods matches spec.replicas, and reports status. "Expectations" remember the creates and
// deletes it made but has not yet seen come back through its watch, so a view one tick behind never
// makes it create duplicates.
import type {Pod, ReplicaSet} from '../../../objects/types.js';
import {objectKey} from '../../../objects/types.js';
import {Component, type ComponentContext} from '../../../client/controller.js';
import {deepClone, deepEqual} from '../../../objects/clone.js';
import {byControllerUid, type Informer} from '../../../client/informer.js';
import {isPodActive, isPodAvailable, isPodReady} from '../../../objects/pod-status.js';
import {fromLabelSelector} from '../../../objects/labels.js';
import {isStatusError} from '../../../api/index.js';
import {podsToDelete} from './pod-ranking.js';

/** At most this many creates or deletes in one sync (upstream BurstReplicas). */
const burstReplicas = 500;

interface Expectations {
	adds: number;
	deletes: Set<string>;
}

export class ReplicaSetController extends Component {
	private readonly replicaSets: Informer<ReplicaSet>;
	private readonly pods: Informer<Pod>;
	private readonly expectations = new Map<string, Expectations>();

	constructor(ctx: ComponentContext) {
		super('replicaset-controller', 'system:serviceaccount:kube-system:replicaset-controller', ctx, {component: 'replicaset-controller'});
		this.replicaSets = this.informer<ReplicaSet>('replicasets');
		this.pods = this.informer<Pod>('pods');
		this.pods.addIndex('controller', byControllerUid);
		this.replicaSets.addIndex('controller', byControllerUid);
		const enqueue = (rs: ReplicaSet) => this.queue.add(objectKey(rs));
		this.on(this.replicaSets, {add: enqueue, update: (_, rs) => enqueue(rs), delete: rs => {
			this.expectations.delete(objectKey(rs));
			enqueue(rs);
		}});
		this.on(this.pods, {
			add: pod => {
				const key = this.ownerKey(pod);
				if (!key) return;
				const e = this.expectations.get(key);
				if (e && e.adds > 0) e.adds--;
				if (pod.metadata?.deletionTimestamp) this.observeDeletion(key, pod);
				this.queue.add(key);
			},
			update: (old, pod) => {
				const key = this.ownerKey(pod);
				if (!key) return;
				if (pod.metadata?.deletionTimestamp && !old.metadata?.deletionTimestamp) this.observeDeletion(key, pod);
				this.queue.add(key);
			},
			delete: pod => {
				const key = this.ownerKey(pod);
				if (!key) return;
				this.observeDeletion(key, pod);
				this.queue.add(key);
			},
		});
		this.replicaSets.start();
		this.pods.start();
	}

	private ownerKey(pod: Pod): string | undefined {
		const ref = pod.metadata?.ownerReferences?.find(r => r.controller && r.kind === 'ReplicaSet');
		return ref ? `${pod.metadata!.namespace}/${ref.name}` : undefined;
	}

	private observeDeletion(key: string, pod: Pod): void {
		this.expectations.get(key)?.deletes.delete(objectKey(pod));
	}

	private satisfied(key: string): boolean {
		const e = this.expectations.get(key);
		return !e || (e.adds <= 0 && e.deletes.size === 0);
	}

	protected sync(key: string): void {
		const rs = this.replicaSets.get(key);
		if (!rs) return;
		const pods = this.pods.byIndex('controller', rs.metadata!.uid!).filter(isPodActive);
		let deleted: Pod[] = [];
		let failure: unknown;
		try {
			deleted = this.satisfied(key) && !rs.metadata?.deletionTimestamp ? this.manageReplicas(key, rs, pods) : [];
		} catch (error) {
			failure = error;
		}
		// Upstream computes status from the list it had before deleting, and the deletion's watch event
		// re-syncs it milliseconds later. Here that event is a tick away and the deployment controller would
		// read the stale count first, so the pods just deleted are left out at once. A failed create (a quota)
		// still updates status, with the ReplicaFailure condition, then the key is retried with backoff.
		this.syncStatus(key, rs, deleted.length ? pods.filter(p => !deleted.includes(p)) : pods, failure);
		if (failure) throw failure;
	}

	/** Create or delete pods to match spec.replicas; returns the pods it deleted. */
	private manageReplicas(key: string, rs: ReplicaSet, pods: Pod[]): Pod[] {
		const diff = pods.length - (rs.spec?.replicas ?? 1);
		if (diff < 0) {
			const count = Math.min(-diff, burstReplicas);
			const e: Expectations = {adds: count, deletes: new Set()};
			this.expectations.set(key, e);
			// "Slow start": batches of 1, 2, 4 ...; a failing batch stops the rest (e.g. a quota or a
			// terminating namespace), so an error costs one create, not five hundred.
			let created = 0;
			for (let batch = 1; created < count; batch *= 2) {
				const size = Math.min(batch, count - created);
				for (let i = 0; i < size; i++) {
					try {
						this.createPod(rs);
					} catch (error) {
						e.adds -= count - created; // these will never be observed
						this.recorder.event(rs, 'Warning', 'FailedCreate', `Error creating: ${(error as Error).message}`);
						throw error;
					}
					created++;
				}
			}
			return [];
		}
		if (diff > 0) {
			const count = Math.min(diff, burstReplicas);
			const related = this.relatedPods(rs);
			const victims = podsToDelete(pods, related, count);
			const e: Expectations = {adds: 0, deletes: new Set(victims.map(objectKey))};
			this.expectations.set(key, e);
			for (const pod of victims) {
				try {
					this.client.delete('pods', pod.metadata!.name!, {namespace: pod.metadata!.namespace, reason: `replicaset ${rs.metadata!.name} has ${pods.length}, wants ${rs.spec?.replicas}`});
					this.recorder.event(rs, 'Normal', 'SuccessfulDelete', `Deleted pod: ${pod.metadata!.name}`);
				} catch (error) {
					e.deletes.delete(objectKey(pod));
					if (!isStatusError(error, 'NotFound')) {
						this.recorder.event(rs, 'Warning', 'FailedDelete', `Error deleting: ${(error as Error).message}`);
						throw error;
					}
				}
			}
			return victims;
		}
		return [];
	}

	private createPod(rs: ReplicaSet): void {
		const template = rs.spec!.template!;
		const pod: Pod = {
			apiVersion: 'v1', kind: 'Pod',
			metadata: {
				generateName: `${rs.metadata!.name}-`,
				namespace: rs.metadata!.namespace,
				labels: {...template.metadata?.labels},
				...(template.metadata?.annotations ? {annotations: {...template.metadata.annotations}} : {}),
				ownerReferences: [{apiVersion: 'apps/v1', kind: 'ReplicaSet', name: rs.metadata!.name!, uid: rs.metadata!.uid!, controller: true, blockOwnerDeletion: true}],
			},
			spec: deepClone(template.spec!),
		};
		const created = this.client.create<Pod>('pods', pod, {reason: `replicaset ${rs.metadata!.name} wants ${rs.spec?.replicas} pods`});
		this.recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata!.name}`);
	}

	/** Pods of this ReplicaSet and of its siblings (same owning Deployment), for spreading scale-downs. */
	private relatedPods(rs: ReplicaSet): Pod[] {
		const owner = rs.metadata?.ownerReferences?.find(r => r.controller)?.uid;
		if (!owner) return this.pods.byIndex('controller', rs.metadata!.uid!).filter(isPodActive);
		const siblings = this.replicaSets.byIndex('controller', owner);
		return siblings.flatMap(s => this.pods.byIndex('controller', s.metadata!.uid!)).filter(isPodActive);
	}

	private syncStatus(key: string, rs: ReplicaSet, pods: Pod[], failure?: unknown): void {
		const now = this.ctx.clock.now();
		const minReady = rs.spec?.minReadySeconds ?? 0;
		const labels = fromLabelSelector({matchLabels: rs.spec?.template?.metadata?.labels ?? {}});
		const status = {
			replicas: pods.length,
			fullyLabeledReplicas: pods.filter(p => labels.matches(p.metadata?.labels)).length,
			readyReplicas: pods.filter(isPodReady).length,
			availableReplicas: pods.filter(p => isPodAvailable(p, minReady, now)).length,
			observedGeneration: rs.metadata?.generation,
			...replicaFailure(rs, pods.length, failure, this.ctx.clock.timestamp()),
		};
		// A ready pod becomes available after minReadySeconds: look again then.
		if (minReady > 0 && status.readyReplicas > status.availableReplicas) this.queue.addAfter(key, Math.ceil(minReady / this.ctx.clock.tickSeconds));
		if (deepEqual(status, rs.status)) return;
		const reason = `status: ${status.replicas} pods, ${status.readyReplicas} ready`;
		try {
			this.client.updateStatus('replicasets', {...rs, status}, {reason});
		} catch (error) {
			if (!isStatusError(error, 'Conflict')) throw error;
			// Our cached copy is a tick old (the deployment controller just wrote it): retry on a fresh one.
			const fresh = this.client.get<ReplicaSet>('replicasets', rs.metadata!.name!, rs.metadata!.namespace);
			this.client.updateStatus('replicasets', {...fresh, status}, {reason});
		}
	}
}

/** calculateStatus's ReplicaFailure condition: set while creating or deleting pods fails, removed once it works. */
function replicaFailure(rs: ReplicaSet, active: number, failure: unknown, now: string): {conditions?: NonNullable<ReplicaSet['status']>['conditions']} {
	const others = (rs.status?.conditions ?? []).filter(c => c.type !== 'ReplicaFailure');
	const existing = rs.status?.conditions?.find(c => c.type === 'ReplicaFailure');
	if (failure === undefined) return others.length ? {conditions: others} : {};
	if (existing) return {conditions: rs.status!.conditions};
	const reason = active < (rs.spec?.replicas ?? 1) ? 'FailedCreate' : 'FailedDelete';
	return {conditions: [...others, {type: 'ReplicaFailure', status: 'True', reason, message: (failure as Error).message, lastTransitionTime: now}]};
}
