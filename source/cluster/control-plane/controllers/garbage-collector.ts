// The garbage collector (pkg/controller/garbagecollector): an object whose every owner is gone is deleted
// (background propagation), so deleting a Deployment removes its ReplicaSets, and they their pods, one hop per tick.
// It follows ownerReferences of any served kind: every kind in the API registry is watched, as upstream's GC
// discovers every resource (Events excepted, upstream's DefaultIgnoredResources).
import type {KubeObject, OwnerReference} from '../../objects/types.js';
import {Component, type ComponentContext} from '../../client/controller.js';
import {byOwnerUids, type Informer} from '../../client/informer.js';
import {isStatusError, resources, resourceForKind, type ResourceType} from '../../api/index.js';

const ignored = (type: ResourceType) => type.resource === 'events';

export class GarbageCollector extends Component {
	/** One informer per served resource, by resource name. */
	private readonly watched = new Map<string, Informer>();

	constructor(ctx: ComponentContext) {
		super('garbage-collector', 'system:serviceaccount:kube-system:generic-garbage-collector', ctx, {component: 'garbage-collector-controller'});
		for (const type of resources) {
			if (ignored(type)) continue;
			const informer = this.informer(type.resource);
			informer.addIndex('owner', byOwnerUids);
			this.on(informer, {
				// An owner gone: look at its dependents (queued by the owner's uid).
				delete: obj => this.queue.add(obj.metadata!.uid!),
				// A dependent that arrives after its owner left is checked too.
				add: obj => {
					for (const ref of obj.metadata?.ownerReferences ?? []) if (!this.ownerExists(obj, ref)) this.queue.add(ref.uid);
				},
			});
			this.watched.set(type.resource, informer);
		}
		for (const informer of this.watched.values()) informer.start();
	}

	/** Whether the owner a reference names exists with that uid; an owner of a kind not served is never collected. */
	private ownerExists(obj: KubeObject, ref: OwnerReference): boolean {
		const type = resourceForKind(ref.apiVersion, ref.kind);
		const informer = type && this.watched.get(type.resource);
		if (!type || !informer) return true;
		const key = type.namespaced ? `${obj.metadata?.namespace}/${ref.name}` : ref.name;
		return informer.get(key)?.metadata?.uid === ref.uid;
	}

	protected sync(ownerUid: string): void {
		for (const [resource, informer] of this.watched) {
			for (const obj of informer.byIndex('owner', ownerUid)) {
				if (obj.metadata?.deletionTimestamp) continue;
				const refs = obj.metadata?.ownerReferences ?? [];
				if (refs.some(ref => this.ownerExists(obj, ref))) continue;
				try {
					this.client.delete(resource, obj.metadata!.name!, {
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
}
