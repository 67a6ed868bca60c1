// The garbage collector (pkg/controller/garbagecollector): an object whose every owner is gone is deleted
// (background propagation), so deleting a Deployment removes its ReplicaSets, and they their pods, one hop per tick.
// An owner deleted with propagationPolicy Foreground keeps the foregroundDeletion finalizer while its dependents are
// deleted, and goes once none with blockOwnerDeletion is left; one deleted with Orphan has the orphan finalizer: its
// dependents lose their ownerReference to it, then it goes. It follows ownerReferences of any served kind: every kind
// in the API registry is watched, as upstream's GC discovers every resource (Events excepted, DefaultIgnoredResources).
import type {KubeObject, OwnerReference} from '../../objects/types.js';
import {Component, type ComponentContext} from '../../client/controller.js';
import {byOwnerUids, type Informer} from '../../client/informer.js';
import {isStatusError, resources, resourceForKind, type ResourceType} from '../../api/index.js';

const ignored = (type: ResourceType) => type.resource === 'events';
const foreground = 'foregroundDeletion';
const orphan = 'orphan';
/** An owner the collector must act on: being deleted and holding one of its finalizers. */
const collecting = (obj: KubeObject) =>
	!!obj.metadata?.deletionTimestamp && (obj.metadata.finalizers ?? []).some(f => f === foreground || f === orphan);

const collectPrefix = 'collect\u0000';
const collectKey = (type: ResourceType, obj: KubeObject) =>
	`${collectPrefix}${type.resource}\u0000${type.namespaced ? `${obj.metadata!.namespace}/` : ''}${obj.metadata!.name}`;

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
				// An owner gone: look at its dependents (queued by the owner's uid); a dependent gone may free an owner
				// waiting in foreground deletion.
				delete: obj => {
					this.queue.add(obj.metadata!.uid!);
					this.ownersCollecting(obj);
				},
				// A dependent that arrives after its owner left is checked too.
				add: obj => {
					for (const ref of obj.metadata?.ownerReferences ?? []) if (!this.ownerExists(obj, ref)) this.queue.add(ref.uid);
					if (collecting(obj)) this.queue.add(collectKey(type, obj));
				},
				update: (_, obj) => {
					if (collecting(obj)) this.queue.add(collectKey(type, obj));
					if (obj.metadata?.deletionTimestamp) this.ownersCollecting(obj);
				},
			});
			this.watched.set(type.resource, informer);
		}
		for (const informer of this.watched.values()) informer.start();
	}

	/** The owner a reference names, if it exists with that uid. */
	private owner(obj: KubeObject, ref: OwnerReference): KubeObject | undefined {
		const type = resourceForKind(ref.apiVersion, ref.kind);
		const informer = type && this.watched.get(type.resource);
		if (!type || !informer) return undefined;
		const owner = informer.get(type.namespaced ? `${obj.metadata?.namespace}/${ref.name}` : ref.name);
		return owner?.metadata?.uid === ref.uid ? owner : undefined;
	}

	/** Whether the owner a reference names exists with that uid; an owner of a kind not served is never collected. */
	private ownerExists(obj: KubeObject, ref: OwnerReference): boolean {
		const type = resourceForKind(ref.apiVersion, ref.kind);
		if (!type || !this.watched.get(type.resource)) return true;
		return this.owner(obj, ref) !== undefined;
	}

	/** Queue the owners of `obj` that wait in foreground deletion (a dependent of theirs moved on). */
	private ownersCollecting(obj: KubeObject): void {
		for (const ref of obj.metadata?.ownerReferences ?? []) {
			const owner = this.owner(obj, ref);
			const type = resourceForKind(ref.apiVersion, ref.kind)!;
			if (owner && collecting(owner)) this.queue.add(collectKey(type, owner));
		}
	}

	private dependents(uid: string): Array<{resource: string; obj: KubeObject}> {
		const out: Array<{resource: string; obj: KubeObject}> = [];
		for (const [resource, informer] of this.watched) for (const obj of informer.byIndex('owner', uid)) out.push({resource, obj});
		return out;
	}

	/** Keys: an owner's uid (look for dependents whose owners are all gone), or `collect` + resource + key. */
	protected sync(key: string): void {
		if (key.startsWith(collectPrefix)) {
			const [resource, objectKey] = key.slice(collectPrefix.length).split('\u0000') as [string, string];
			const owner = this.watched.get(resource)?.get(objectKey);
			if (!owner || !collecting(owner)) return;
			if (owner.metadata!.finalizers!.includes(orphan)) return this.orphanDependents(resource, owner);
			return this.deleteDependentsFirst(resource, owner);
		}
		const uid = key;
		for (const {resource, obj} of this.dependents(uid)) {
			if (obj.metadata?.deletionTimestamp) continue;
			const refs = obj.metadata?.ownerReferences ?? [];
			if (refs.some(ref => this.ownerExists(obj, ref))) continue;
			this.deleteObject(resource, obj, `owner ${refs.map(r => `${r.kind}/${r.name}`).join(', ')} is gone`);
		}
	}

	private deleteObject(resource: string, obj: KubeObject, reason: string, propagationPolicy?: 'Foreground' | 'Background'): void {
		try {
			this.client.delete(resource, obj.metadata!.name!, {namespace: obj.metadata!.namespace, preconditions: {uid: obj.metadata!.uid}, reason, propagationPolicy});
		} catch (error) {
			if (!isStatusError(error, 'NotFound') && !isStatusError(error, 'Conflict')) throw error;
		}
	}

	/** Foreground: delete the dependents (those with dependents of their own in foreground too); the owner goes last. */
	private deleteDependentsFirst(resource: string, owner: KubeObject): void {
		const uid = owner.metadata!.uid!;
		const name = `${owner.kind}/${owner.metadata!.name}`;
		let blocking = 0;
		for (const dependent of this.dependents(uid)) {
			const ref = dependent.obj.metadata!.ownerReferences!.find(r => r.uid === uid)!;
			if (ref.blockOwnerDeletion) blocking++;
			if (dependent.obj.metadata?.deletionTimestamp) continue;
			const policy = this.dependents(dependent.obj.metadata!.uid!).length > 0 ? 'Foreground' : 'Background';
			this.deleteObject(dependent.resource, dependent.obj, `owner ${name} is being deleted in the foreground`, policy);
		}
		if (blocking === 0) this.removeFinalizer(resource, owner, foreground, 'no dependents block its deletion any more');
	}

	/** Orphan: every dependent loses its ownerReference to the owner; then the orphan finalizer goes, and the owner. */
	private orphanDependents(resource: string, owner: KubeObject): void {
		const uid = owner.metadata!.uid!;
		for (const {resource: dependentResource, obj} of this.dependents(uid)) {
			const refs = obj.metadata!.ownerReferences!.filter(r => r.uid !== uid);
			try {
				this.client.patch(dependentResource, obj.metadata!.name!, {metadata: {ownerReferences: refs.length ? refs : null}}, {namespace: obj.metadata!.namespace, reason: `orphaned: owner ${owner.kind}/${owner.metadata!.name} deleted with propagationPolicy Orphan`});
			} catch (error) {
				if (!isStatusError(error, 'NotFound')) throw error;
			}
		}
		this.removeFinalizer(resource, owner, orphan, 'dependents orphaned');
	}

	private removeFinalizer(resource: string, owner: KubeObject, finalizer: string, why: string): void {
		const finalizers = (owner.metadata!.finalizers ?? []).filter(f => f !== finalizer);
		try {
			this.client.patch(resource, owner.metadata!.name!, {metadata: {finalizers: finalizers.length ? finalizers : null, resourceVersion: owner.metadata!.resourceVersion}}, {namespace: owner.metadata!.namespace, reason: `${finalizer} finalizer removed: ${why}`});
		} catch (error) {
			if (!isStatusError(error, 'NotFound') && !isStatusError(error, 'Conflict')) throw error;
			if (isStatusError(error, 'Conflict')) this.queue.add(collectKey(resourceForKind(owner.apiVersion, owner.kind)!, owner));
		}
	}
}
