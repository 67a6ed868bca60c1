// The deployment controller (pkg/controller/deployment): keeps one ReplicaSet per pod template, scales
// the new one up and the old ones down with the rolling-update arithmetic, and reports status.
import type {Deployment, ReplicaSet} from '../../../objects/types.js';
import {objectKey} from '../../../objects/types.js';
import {Component, type ComponentContext} from '../../../client/controller.js';
import {deepClone, deepEqual} from '../../../objects/clone.js';
import {byControllerUid, type Informer} from '../../../client/informer.js';
import {isStatusError} from '../../../api/index.js';
import {
	computeHash, findNewReplicaSet, byCreation, templateHashLabel, revisionAnnotation, revisionOf,
	desiredReplicasAnnotation, maxReplicasAnnotation, maxSurge, specReplicas,
} from './util.js';
import {newReplicaSetReplicas, oldReplicaSetScaleDowns} from './rolling.js';
import {deploymentStatus} from './status.js';

export class DeploymentController extends Component {
	private readonly deployments: Informer<Deployment>;
	private readonly replicaSets: Informer<ReplicaSet>;

	constructor(ctx: ComponentContext) {
		super('deployment-controller', 'system:serviceaccount:kube-system:deployment-controller', ctx, {component: 'deployment-controller'});
		this.deployments = this.informer<Deployment>('deployments');
		this.replicaSets = this.informer<ReplicaSet>('replicasets');
		this.replicaSets.addIndex('controller', byControllerUid);
		const enqueue = (d: Deployment) => this.queue.add(objectKey(d));
		this.on(this.deployments, {add: enqueue, update: (_, d) => enqueue(d), delete: enqueue});
		const enqueueOwner = (rs: ReplicaSet) => {
			const ref = rs.metadata?.ownerReferences?.find(r => r.controller && r.kind === 'Deployment');
			if (ref) this.queue.add(`${rs.metadata!.namespace}/${ref.name}`);
		};
		this.on(this.replicaSets, {add: enqueueOwner, update: (_, rs) => enqueueOwner(rs), delete: enqueueOwner});
		this.deployments.start();
		this.replicaSets.start();
	}

	protected sync(key: string): void {
		const d = this.deployments.get(key);
		if (!d) return; // deleted: the garbage collector removes its ReplicaSets
		const owned = this.replicaSets.byIndex('controller', d.metadata!.uid!);
		if (d.metadata?.deletionTimestamp) return this.syncStatus(d, owned);
		if (d.spec?.paused) return this.syncStatus(d, owned);
		let newRS = findNewReplicaSet(d, owned);
		const oldRSs = byCreation(owned.filter(rs => rs !== newRS));
		if (d.spec?.strategy?.type === 'Recreate') {
			if (this.recreate(d, oldRSs, newRS)) return;
		} else {
			if (!newRS) {
				newRS = this.createReplicaSet(d, owned, newReplicaSetReplicas(d, owned, undefined));
				return;
			}
			const target = newReplicaSetReplicas(d, owned, newRS);
			if (target !== specReplicas(newRS)) {
				this.scaleReplicaSet(d, newRS, target);
				return;
			}
			let scaledDown = false;
			for (const {rs, replicas} of oldReplicaSetScaleDowns(d, oldRSs, newRS)) {
				this.scaleReplicaSet(d, rs, replicas);
				scaledDown = true;
			}
			if (scaledDown) return;
			this.cleanup(d, oldRSs);
		}
		this.syncStatus(d, owned, newRS);
	}

	/** Recreate: every old pod gone before the new ReplicaSet scales up. Returns true when it acted. */
	private recreate(d: Deployment, oldRSs: ReplicaSet[], newRS: ReplicaSet | undefined): boolean {
		let acted = false;
		for (const rs of oldRSs) {
			if (specReplicas(rs) > 0) {
				this.scaleReplicaSet(d, rs, 0);
				acted = true;
			}
		}
		if (acted) return true;
		if (oldRSs.some(rs => (rs.status?.replicas ?? 0) > 0)) {
			this.syncStatus(d, oldRSs, newRS);
			return true;
		}
		const desired = d.spec?.replicas ?? 1;
		if (!newRS) {
			this.createReplicaSet(d, oldRSs, desired);
			return true;
		}
		if (specReplicas(newRS) !== desired) {
			this.scaleReplicaSet(d, newRS, desired);
			return true;
		}
		return false;
	}

	private createReplicaSet(d: Deployment, owned: ReplicaSet[], replicas: number): ReplicaSet {
		const collisionCount = d.status?.collisionCount;
		const hash = computeHash(d.spec!.template, collisionCount);
		const name = `${d.metadata!.name}-${hash}`;
		const template = deepClone(d.spec!.template!);
		template.metadata = {...template.metadata, labels: {...template.metadata?.labels, [templateHashLabel]: hash}};
		const revision = Math.max(0, ...owned.map(revisionOf)) + 1;
		const rs: ReplicaSet = {
			apiVersion: 'apps/v1', kind: 'ReplicaSet',
			metadata: {
				name, namespace: d.metadata!.namespace, labels: template.metadata.labels,
				annotations: this.annotations(d, replicas, revision),
				ownerReferences: [{apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata!.name!, uid: d.metadata!.uid!, controller: true, blockOwnerDeletion: true}],
			},
			spec: {
				replicas, minReadySeconds: d.spec!.minReadySeconds,
				selector: {...d.spec!.selector, matchLabels: {...d.spec!.selector!.matchLabels, [templateHashLabel]: hash}},
				template,
			},
		};
		try {
			const created = this.client.create<ReplicaSet>('replicasets', rs, {reason: `new pod template of deployment ${d.metadata!.name}: replicas ${replicas}`});
			this.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled up replica set ${name} to ${replicas}`);
			return created;
		} catch (error) {
			// A ReplicaSet of that name with another template: bump collisionCount, retry next pass.
			if (isStatusError(error, 'AlreadyExists')) {
				const status = {...d.status, collisionCount: (collisionCount ?? 0) + 1};
				this.client.updateStatus('deployments', {...d, status}, {reason: 'hash collision'});
			}
			throw error;
		}
	}

	private annotations(d: Deployment, replicas: number, revision: number): Record<string, string> {
		return {
			[desiredReplicasAnnotation]: String(d.spec?.replicas ?? 1),
			[maxReplicasAnnotation]: String((d.spec?.replicas ?? 1) + maxSurge(d)),
			[revisionAnnotation]: String(revision),
		};
	}

	private scaleReplicaSet(d: Deployment, rs: ReplicaSet, replicas: number): void {
		const from = specReplicas(rs);
		const next: ReplicaSet = {
			...rs,
			metadata: {...rs.metadata, annotations: {...rs.metadata?.annotations, ...this.annotations(d, replicas, revisionOf(rs))}},
			spec: {...rs.spec!, replicas},
		};
		this.client.update('replicasets', next, {reason: `deployment ${d.metadata!.name} wants ${replicas} (was ${from})`});
		if (from !== replicas) {
			this.recorder.event(d, 'Normal', 'ScalingReplicaSet', `Scaled ${replicas > from ? 'up' : 'down'} replica set ${rs.metadata!.name} from ${from} to ${replicas}`);
		}
	}

	/** Keep at most revisionHistoryLimit old ReplicaSets that are scaled to zero. */
	private cleanup(d: Deployment, oldRSs: ReplicaSet[]): void {
		const limit = d.spec?.revisionHistoryLimit ?? 10;
		const idle = oldRSs.filter(rs => specReplicas(rs) === 0 && (rs.status?.replicas ?? 0) === 0 && !rs.metadata?.deletionTimestamp);
		for (const rs of idle.slice(0, Math.max(0, idle.length - limit))) {
			this.client.delete('replicasets', rs.metadata!.name!, {namespace: rs.metadata!.namespace, reason: `revision history limit ${limit}`});
		}
	}

	private syncStatus(d: Deployment, owned: ReplicaSet[], newRS?: ReplicaSet): void {
		const status = deploymentStatus(d, owned, newRS, this.ctx.clock.timestamp());
		if (deepEqual(status, d.status)) return;
		const updated: Deployment = {...d, status};
		if (newRS && d.metadata?.annotations?.[revisionAnnotation] !== String(revisionOf(newRS))) {
			updated.metadata = {...d.metadata, annotations: {...d.metadata?.annotations, [revisionAnnotation]: String(revisionOf(newRS))}};
			this.client.update('deployments', updated, {reason: `revision ${revisionOf(newRS)}`});
			return; // the annotation write comes back through the watch; status follows next pass
		}
		this.client.updateStatus('deployments', updated, {reason: `status: ${status.availableReplicas ?? 0}/${d.spec?.replicas ?? 0} available`});
	}

	protected override onSyncError(key: string, error: unknown): void {
		// A conflict means our cache is a tick behind: the watch brings the new version, so retry soon.
		this.queue.addRateLimited(key, isStatusError(error, 'Conflict') ? 1 : 60);
	}
}

