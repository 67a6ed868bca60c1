// The garbage collector: an object whose every owner is gone is deleted (background propagation),
// so deleting a Deployment removes its ReplicaSets, and they their pods, one hop per tick.
import type {KubeObject, OwnerReference} from '../../objects/types.js';

import {Component, type ComponentContext} from '../../client/controller.js';
import {byOwnerUids, type Informer} from '../../client/informer.js';
import {isStatusError} from '../../api/index.js';

/** Kinds that own others here, and the resource that serves each. */
const owners: Record<string, string> = {Deployment: 'deployments', ReplicaSet: 'replicasets'};
/** Resources whose objects can have owners. */
const dependents = ['replicasets', 'pods'];

export class GarbageCollector extends Component {
	private readonly ownerInformers = new Map<string, Informer>();
	private readonly dependentInformers: Informer[] = [];
	private readonly informers = new Map<string, Informer>();

	constructor(ctx: ComponentContext) {
		super('garbage-collector', 'system:serviceaccount:kube-system:generic-garbage-collector', ctx, {component: 'garbage-collector-controller'});
		for (const [kind, resource] of Object.entries(owners)) {
			const informer = this.shared(resource);
			this.ownerInformers.set(kind, informer);
			// An owner gone: look at its dependents (queued by the owner's uid).
			informer.addEventHandler({delete: obj => this.queue.add(obj.metadata!.uid!)});
		}
		for (const resource of dependents) {
			const informer = this.shared(resource);
			informer.addIndex('owner', byOwnerUids);
			this.dependentInformers.push(informer);
			// A dependent that arrives after its owner left is checked too.
			informer.addEventHandler({add: obj => {
				for (const ref of obj.metadata?.ownerReferences ?? []) if (!this.ownerExists(obj, ref)) this.queue.add(ref.uid);
			}});
		}
		for (const informer of new Set([...this.ownerInformers.values(), ...this.dependentInformers])) informer.start();
	}

	private shared(resource: string): Informer {
		let informer = this.informers.get(resource);
		if (!informer) this.informers.set(resource, (informer = this.informer(resource)));
		return informer;
	}

	private ownerExists(obj: KubeObject, ref: OwnerReference): boolean {
		const informer = this.ownerInformers.get(ref.kind);
		if (!informer) return true; // an owner kind we do not know: never collect
		return informer.get(`${obj.metadata?.namespace}/${ref.name}`)?.metadata?.uid === ref.uid;
	}

	protected sync(ownerUid: string): void {
		for (const informer of this.dependentInformers) {
			for (const obj of informer.byIndex('owner', ownerUid)) {
				if (obj.metadata?.deletionTimestamp) continue;
				const refs = obj.metadata?.ownerReferences ?? [];
				if (refs.some(ref => this.ownerExists(obj, ref))) continue;
				try {
					this.client.delete(informer.resource, obj.metadata!.name!, {
						namespace: obj.metadata!.namespace,
						preconditions: {uid: obj.metadata!.uid},
						reason: `owner ${refs.map(r => `${r.kind}/${r.name}`).join(', ')} is gone`,
					});
				} catch (error) {
					if (!isStatusError(error, 'NotFound')) throw error;
				}
			}
		}
	}

	protected override onSyncError(key: string): void {
		this.queue.addRateLimited(key);
	}
}

