// The kube-apiserver: the only door to the cluster store. Every component, and the dashboard, is a client
// with an identity; every write is defaulted, validated, versioned, stored and traced.
import type {Store} from '../store/index.js';
import {CompactedError} from '../store/index.js';
import type {KubeObject, ObjectMeta} from '../objects/types.js';
import type {Clock} from '../sim/clock.js';
import type {Random} from '../sim/random.js';
import {deepClone, deepEqual} from '../objects/clone.js';
import {resourceType} from './registry.js';
import {apiVersionOf, hasStatus, type ActionSubresource, type ResourceType, type Subresource, type SubresourceOperations} from './resource.js';
import {Allocators} from './allocators.js';
import {listFilter, listPage} from './list-filter.js';
import {WatchCache, type WatchEvent} from './watch-cache.js';
import {mergePatch} from './merge-patch.js';
import {Leases} from './leases.js';
import {strictDecode, DecodeError} from './strict-decoding.js';
import {Compactor} from './compactor.js';
import {propagationFinalizers} from './propagation-policy.js';
import * as admission from './admission/index.js';
import {withPlanned} from './admission/planned-reader.js';
import type {AdmissionAttributes, AdmissionReader} from './admission/index.js';
import type {Trace, TraceEntry} from './trace.js';
import {
	alreadyExists, badRequest, conflict, gone, invalid, methodNotSupported, notFound,
	staleResourceVersion, tooLargeResourceVersion, type FieldError,
} from './errors.js';

export type {WatchEvent};

export type {ListOptions, ListResult, WatchOptions, WriteOptions, DeleteOptions} from './request.js';
import type {ListOptions, ListResult, WatchOptions, WriteOptions, DeleteOptions} from './request.js';

export type {Scale} from './resources/workload.js';

export interface ApiServerDeps {
	store: Store<KubeObject>;
	clock: Clock;
	random: Random;
	trace: Trace;
	/** --event-ttl: objects of kinds with `ttl` (Events) expire this long after their last write. Default 1 h. */
	eventTTLSeconds?: number;
	/** Compact the store every this often (--etcd-compaction-interval, 5 min), keeping `historyWindowSeconds`. */
	compactionIntervalSeconds?: number;
	historyWindowSeconds?: number;
}

function deepFreeze<T>(value: T): T {
	if (value && typeof value === 'object' && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}

const sameSpec = (a: KubeObject, b: KubeObject) => deepEqual(a.spec ?? null, b.spec ?? null);
const sameIgnoringVersion = (a: KubeObject, b: KubeObject) =>
	deepEqual({...a, metadata: {...a.metadata, resourceVersion: undefined}}, {...b, metadata: {...b.metadata, resourceVersion: undefined}});

export class ApiServer {
	private readonly caches = new Map<string, WatchCache>();
	private readonly allocators: Allocators;

	private readonly leases: Leases;
	private readonly compactor: Compactor;

	constructor(private readonly deps: ApiServerDeps) {
		this.leases = new Leases((deps.eventTTLSeconds ?? 3600) * 1000);
		this.allocators = new Allocators(deps.store, deps.random);
		const intervalMs = (deps.compactionIntervalSeconds ?? 300) * 1000;
		this.compactor = new Compactor({intervalMs, windowMs: Math.max(intervalMs, (deps.historyWindowSeconds ?? 600) * 1000)});
	}

	/**
	 * What etcd and the apiserver do on their own as time passes, run at the start of each tick: leases that ran out
	 * delete their keys (watchers see DELETED; no client wrote it, so the trace has no line), and the periodic
	 * compaction drops history older than the window, from the store and from the trace.
	 */
	maintain(): void {
		const now = this.deps.clock.now();
		const store = this.deps.store;
		for (const key of this.leases.expired(now)) store.delete(key);
		const revision = this.compactor.due(now, store.revision);
		if (revision !== undefined && revision > store.compactRevision) {
			store.compact(revision);
			this.deps.trace.compact(revision);
		}
	}

	/** A client's watch handler failed: the trace says who, on what, and why. */
	reportWatchError(identity: string, resource: string, error: unknown): void {
		this.deps.trace.recordWatchError({tick: this.deps.clock.tick, component: identity, resource, message: error instanceof Error ? error.message : String(error)});
	}

	/** Leases held and compactions done (for benchmarks and tests). */
	get maintenance(): {leases: number; compactions: number; compactRevision: number} {
		return {leases: this.leases.size, compactions: this.compactor.compactions, compactRevision: this.deps.store.compactRevision};
	}

	/** Watches open on the API server, per resource (the control-plane view shows them). */
	watchers(): Map<string, number> {
		return new Map([...this.caches].map(([resource, cache]) => [resource, cache.size]));
	}

	/** The registry entry for a resource; 404 when the server does not serve it. */
	type(resource: string): ResourceType {
		const type = resourceType(resource);
		if (!type) throw notFound({group: '', resource}, resource);
		return type;
	}

	private key(type: ResourceType, namespace: string | undefined, name: string): string {
		return type.namespaced ? `/registry/${type.resource}/${namespace}/${name}` : `/registry/${type.resource}/${name}`;
	}

	private namespaceOf(type: ResourceType, namespace: string | undefined): string | undefined {
		return type.namespaced ? namespace || 'default' : undefined;
	}

	get revision(): number {
		return this.deps.store.revision;
	}

	get(resource: string, name: string, namespace?: string): KubeObject {
		const type = this.type(resource);
		const kv = this.deps.store.get(this.key(type, this.namespaceOf(type, namespace), name));
		if (!kv) throw notFound(type, name);
		return kv.value;
	}

	list(resource: string, options: ListOptions = {}): ListResult<KubeObject> {
		const type = this.type(resource);
		const prefix = type.namespaced && options.namespace ? `/registry/${type.resource}/${options.namespace}/` : `/registry/${type.resource}/`;
		return listPage(this.deps.store, prefix, listFilter(type, options.labelSelector, options.fieldSelector), options);
	}

	/** Count of stored objects of a resource (cheap: no objects are copied or filtered). */
	count(resource: string): number {
		return this.deps.store.count(`/registry/${this.type(resource).resource}/`);
	}

	/**
	 * Watch a resource. A handler that throws loses its watch (and only its own: every other watcher still gets the
	 * event); `onError` hears why, so its owner can re-list, as a reflector does after a watch error.
	 */
	watch(resource: string, options: WatchOptions, handler: (event: WatchEvent) => void, onError?: (error: unknown) => void): {cancel(): void} {
		const type = this.type(resource);
		const filter = listFilter(type, options.labelSelector, options.fieldSelector);
		const from = options.resourceVersion ? Number(options.resourceVersion) + 1 : this.deps.store.revision + 1;
		if (!Number.isSafeInteger(from) || from < 1) throw badRequest(`invalid resource version: ${options.resourceVersion}`);
		// The watch cache answers a watch from the future with 504 Timeout (ResourceVersionTooLarge), never older events.
		if (from - 1 > this.deps.store.revision) throw tooLargeResourceVersion(from - 1, this.deps.store.revision);
		const cache = this.cache(type);
		try {
			const cancel = cache.add({namespace: type.namespaced ? options.namespace : undefined, indexValue: filter.indexValue, matches: filter.matches, handler, onError}, from);
			return {cancel};
		} catch (error) {
			if (error instanceof CompactedError) throw gone(`too old resource version: ${from - 1} (${error.compactRevision})`);
			throw error;
		}
	}

	private cache(type: ResourceType): WatchCache {
		let cache = this.caches.get(type.resource);
		if (!cache) this.caches.set(type.resource, (cache = new WatchCache(this.deps.store, `/registry/${type.resource}/`, type)));
		return cache;
	}

	create(identity: string, resource: string, input: KubeObject, options: WriteOptions = {}): KubeObject {
		const type = this.type(resource);
		const obj = this.prepare(type, input, options.namespace);
		const meta = obj.metadata!;
		const generated = !meta.name && !!meta.generateName;
		if (generated) meta.name = meta.generateName!.slice(0, 58) + this.deps.random.string(5);
		const [attrs, undo] = this.strategyForCreate(identity, type, obj, options.dryRun ?? false, this.reader, generated);
		if (obj.metadata !== meta) throw new Error(`defaulting of ${type.resource} must not replace metadata`);
		let key = this.key(type, meta.namespace, meta.name!);
		// RetryGenerateName (on by default since 1.31): a generated name that is taken is drawn again.
		for (let retries = 7; this.deps.store.get(key) && generated && retries > 0; retries--) {
			meta.name = input.metadata!.generateName!.slice(0, 58) + this.deps.random.string(5);
			key = this.key(type, meta.namespace, meta.name);
		}
		if (this.deps.store.get(key)) {
			undo();
			throw alreadyExists(type, meta.name!);
		}
		for (const field of ['deletionTimestamp', 'deletionGracePeriodSeconds', 'resourceVersion'] as const) delete meta[field];
		meta.uid = this.deps.random.uuid();
		meta.creationTimestamp = this.deps.clock.timestamp();
		if (type.generation) meta.generation = 1;
		let created: KubeObject;
		try {
			created = this.write(identity, type, 'create', key, obj, 0, options);
		} catch (error) {
			undo();
			throw error;
		}
		if (!options.dryRun) admission.committed({...attrs, name: meta.name!, object: created}, this.reader);
		return created;
	}

	update(identity: string, resource: string, input: KubeObject, options: WriteOptions & {subresource?: 'status'; verb?: 'update' | 'patch'} = {}): KubeObject {
		const type = this.type(resource);
		if (options.subresource === 'status' && !hasStatus(type)) throw methodNotSupported(type, 'update status');
		// A status update takes only metadata and status from its body (the stored spec stays): only those are decoded.
		const body = options.subresource === 'status' && input && typeof input === 'object'
			? {apiVersion: input.apiVersion, kind: input.kind, metadata: input.metadata, status: input.status} as KubeObject
			: input;
		const obj = this.prepare(type, body, options.namespace);
		const meta = obj.metadata!;
		if (!meta.name) throw invalid(type.kind, type.group, '', [{type: 'Required', field: 'metadata.name', detail: 'name or generateName is required'}]);
		const key = this.key(type, meta.namespace, meta.name);
		const current = this.deps.store.get(key);
		if (!current) throw notFound(type, meta.name);
		if (meta.resourceVersion && meta.resourceVersion !== String(current.modRevision)) throw conflict(type, meta.name, staleResourceVersion);
		const old = current.value;
		// Stored objects are frozen, so the parts an update keeps are shared with the old version, not copied.
		const statusOnly = options.subresource === 'status';
		const next: KubeObject = statusOnly ? {...old, status: obj.status} : {...obj, ...(hasStatus(type) ? {status: old.status} : {})};
		// Fields the server owns survive any update.
		const oldMeta = old.metadata!;
		next.metadata = {
			...(options.subresource === 'status' ? next.metadata : meta),
			name: oldMeta.name, namespace: oldMeta.namespace, uid: oldMeta.uid, creationTimestamp: oldMeta.creationTimestamp,
			deletionTimestamp: oldMeta.deletionTimestamp, deletionGracePeriodSeconds: oldMeta.deletionGracePeriodSeconds,
			generation: oldMeta.generation,
		};
		for (const field of Object.keys(next.metadata) as (keyof ObjectMeta)[]) if (next.metadata[field] === undefined) delete next.metadata[field];
		// A status update leaves the spec as it was stored: already defaulted and valid.
		const attrs: AdmissionAttributes = {
			operation: 'UPDATE', type, subresource: options.subresource, namespace: oldMeta.namespace, name: meta.name,
			object: next, oldObject: old, user: identity, dryRun: options.dryRun ?? false,
		};
		let undo = () => {};
		try {
			if (!statusOnly) {
				type.defaults?.(next);
				admission.admit(attrs, this.reader);
				undo = this.allocators.for(type)?.allocate(next, old, options.dryRun ?? false) ?? undo;
				type.prepareForUpdate?.(next, old);
				this.check(type, next, [...(type.validate?.(next, old) ?? []), ...(type.validateUpdate?.(next, old) ?? [])]);
			}
			admission.validate(attrs, this.reader);
		} catch (error) {
			undo();
			throw error;
		}
		if (type.generation && !sameSpec(next, old)) next.metadata.generation = (oldMeta.generation ?? 0) + 1;
		if (sameIgnoringVersion(next, old)) {
			undo();
			return old;
		}
		const verb = options.subresource ? `${type.resource}/${options.subresource}` : type.resource;
		// An object being deleted goes once its last finalizer is removed.
		if (this.finished(type, next)) {
			undo();
			return this.remove(identity, type, key, old, options.reason ?? 'last finalizer removed', current.modRevision, options.dryRun);
		}
		let updated: KubeObject;
		try {
			updated = this.write(identity, type, options.verb ?? 'update', key, next, current.modRevision, options, verb);
		} catch (error) {
			undo();
			throw error;
		}
		if (!options.dryRun) {
			this.allocators.for(type)?.release(old, updated);
			admission.committed({...attrs, object: updated}, this.reader);
		}
		return updated;
	}

	patch(identity: string, resource: string, name: string, patch: unknown, options: WriteOptions & {subresource?: 'status'} = {}): KubeObject {
		const type = this.type(resource);
		if (typeof patch !== 'object' || patch === null || Array.isArray(patch)) throw badRequest('the merge patch must be a JSON object');
		const current = this.get(resource, name, options.namespace);
		const merged = mergePatch(current, patch) as KubeObject;
		const rv = (patch as KubeObject).metadata?.resourceVersion;
		merged.metadata = {...merged.metadata, resourceVersion: rv ?? current.metadata?.resourceVersion};
		return this.update(identity, type.resource, merged, {...options, namespace: current.metadata?.namespace, verb: 'patch'});
	}

	delete(identity: string, resource: string, name: string, options: DeleteOptions = {}): KubeObject {
		const type = this.type(resource);
		const namespace = this.namespaceOf(type, options.namespace);
		const key = this.key(type, namespace, name);
		const current = this.deps.store.get(key);
		if (!current) throw notFound(type, name);
		const obj = current.value;
		const meta = obj.metadata!;
		const pre = options.preconditions;
		if (pre?.uid && pre.uid !== meta.uid) throw conflict(type, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${meta.uid}`);
		if (pre?.resourceVersion && pre.resourceVersion !== meta.resourceVersion) {
			throw conflict(type, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${meta.resourceVersion}`);
		}
		const refusal = type.refuseDelete?.(obj);
		if (refusal) throw refusal;
		admission.validate({operation: 'DELETE', type, namespace, name, object: obj, oldObject: obj, user: identity, dryRun: options.dryRun ?? false}, this.reader);
		const grace = type.gracePeriod?.(obj, {requested: options.gracePeriodSeconds}) ?? 0;
		const gcFinalizers = propagationFinalizers(meta.finalizers, options.propagationPolicy);
		const finalizers = [...(gcFinalizers ?? meta.finalizers ?? []), ...(type.finalizers?.(obj) ?? [])];
		if (grace === 0 && finalizers.length === 0) return this.remove(identity, type, key, obj, options.reason ?? 'deleted', current.modRevision, options.dryRun);
		// Graceful: mark for deletion; whoever owns the object (the kubelet, a finalizer's controller) finishes it.
		const now = this.deps.clock.now();
		const deadline = now + grace * 1000;
		if (meta.deletionTimestamp) {
			const shorter = (meta.deletionGracePeriodSeconds ?? Infinity) > grace;
			if (!shorter && !gcFinalizers) return obj;
		}
		const next = deepClone(obj);
		if (gcFinalizers) next.metadata!.finalizers = gcFinalizers.length ? gcFinalizers : undefined;
		next.metadata!.deletionTimestamp = this.deps.clock.timestamp(deadline);
		next.metadata!.deletionGracePeriodSeconds = grace;
		type.markDeleting?.(next);
		if (type.generation) next.metadata!.generation = (meta.generation ?? 0) + 1;
		return this.write(identity, type, 'delete', key, next, current.modRevision, {...options, reason: options.reason ?? `graceful deletion, ${grace}s`});
	}

	private subresourceOf(type: ResourceType, name: string, subresource: string): Subresource | ActionSubresource {
		const entry = (type.subresources as Record<string, unknown> | undefined)?.[subresource] as Partial<Subresource & ActionSubresource> | undefined;
		if (!entry || (typeof entry.write !== 'function' && typeof entry.act !== 'function')) throw notFound({group: type.group, resource: `${type.resource}/${subresource}`}, name);
		return entry as Subresource | ActionSubresource;
	}

	/** What an action subresource may do, as the identity that asked (its writes are traced under that name). */
	private operationsFor(identity: string, why: string): SubresourceOperations {
		return {
			timestamp: () => this.deps.clock.timestamp(),
			now: () => this.deps.clock.now(),
			list: (resource, namespace) => this.reader.list(resource, namespace),
			updateStatus: (resource, obj, reason) => this.update(identity, resource, obj, {namespace: obj.metadata?.namespace, subresource: 'status', reason: `${why}: ${reason}`}),
			delete: (resource, name, options) => this.delete(identity, resource, name, {...options, reason: `${why}: ${options.reason}`}),
		};
	}

	/** GET on a subresource (`deployments/scale`): the descriptor's view of the parent object. */
	getSubresource(resource: string, name: string, subresource: string, namespace?: string): KubeObject {
		const type = this.type(resource);
		const entry = this.subresourceOf(type, name, subresource);
		if (!('get' in entry) || !entry.get) throw methodNotSupported({group: type.group, resource: `${type.resource}/${subresource}`}, 'get');
		return entry.get(this.get(resource, name, namespace));
	}

	/**
	 * A write to a subresource (pods/binding, deployments/scale): the descriptor turns the body into the parent
	 * object to store; a resourceVersion in the body must match the parent's. Returns the subresource's view.
	 */
	writeSubresource(identity: string, resource: string, name: string, subresource: string, body: unknown, options: WriteOptions & {resourceVersion?: string} = {}): KubeObject {
		const type = this.type(resource);
		const entry = this.subresourceOf(type, name, subresource);
		if (typeof body !== 'object' || body === null) throw badRequest(`the body of ${type.resource}/${subresource} must be an object`);
		const key = this.key(type, this.namespaceOf(type, options.namespace), name);
		const current = this.deps.store.get(key);
		if (!current) throw notFound(type, name);
		if (options.resourceVersion && options.resourceVersion !== String(current.modRevision)) throw conflict(type, name, staleResourceVersion);
		const old = current.value;
		if ('act' in entry) {
			if (options.dryRun) return old;
			return entry.act(old, body, this.operationsFor(identity, options.reason ?? `${type.resource}/${subresource}`));
		}
		const next = entry.write(deepClone(old), body, {timestamp: () => this.deps.clock.timestamp()});
		next.metadata = {...next.metadata};
		const changedSpec = !sameSpec(next, old);
		if (type.generation && changedSpec) next.metadata.generation = (old.metadata?.generation ?? 0) + 1;
		// namespaces/finalize removing the last finalizer of a terminating namespace deletes it.
		if (this.finished(type, next)) return this.remove(identity, type, key, old, options.reason ?? 'last finalizer removed', current.modRevision, options.dryRun);
		const written = sameIgnoringVersion(next, old) ? old : this.write(identity, type, entry.verb, key, next, current.modRevision, options, `${type.resource}/${subresource}`);
		return entry.get ? entry.get(written) : written;
	}

	/**
	 * Validation without a write, for all-or-nothing loading: throws the Status the create would. `planned` are
	 * objects of the same batch that will exist by then (a Namespace before the Deployment that lives in it).
	 */
	validateNew(resource: string, input: KubeObject, namespace?: string, planned: readonly KubeObject[] = []): KubeObject {
		const type = this.type(resource);
		const obj = this.prepare(type, input, namespace);
		const generated = !obj.metadata!.name && !!obj.metadata!.generateName;
		if (generated) obj.metadata!.name = `${obj.metadata!.generateName}xxxxx`;
		// A dry run draws no random names (xxxxx, as for generateName), so planning leaves the generator untouched.
		const reader = {...(planned.length ? withPlanned(this.reader, planned, resource => this.type(resource)) : this.reader), randomString: (n: number) => 'x'.repeat(n)};
		this.strategyForCreate('', type, obj, true, reader, generated);
		return obj;
	}

	/**
	 * A create as the apiserver runs it: defaulting, mutating admission, what a create may not set
	 * (PrepareForCreate), validation, validating admission; the kind's allocators claim their part (ClusterIPs,
	 * NodePorts) between admission and validation, as the Service storage's BeginCreate. Returns the admission
	 * attributes for `committed`, and the undo of the allocation for a write that then fails.
	 */
	private strategyForCreate(identity: string, type: ResourceType, obj: KubeObject, dryRun: boolean, reader: AdmissionReader, generatedName: boolean): [AdmissionAttributes, () => void] {
		const meta = obj.metadata!;
		const attrs: AdmissionAttributes = {operation: 'CREATE', type, namespace: meta.namespace, name: meta.name ?? '', generatedName, object: obj, user: identity, dryRun};
		type.defaults?.(obj);
		admission.admit(attrs, reader);
		const undo = this.allocators.for(type)?.allocate(obj, undefined, dryRun) ?? (() => {});
		try {
			type.prepareForCreate?.(obj);
			this.check(type, obj, type.validate?.(obj) ?? []);
			admission.validate(attrs, reader);
		} catch (error) {
			undo();
			throw error;
		}
		return [attrs, undo];
	}


	/** What admission plugins may read: the store, read only. */
	private readonly reader: AdmissionReader = {
		get: (resource, name, namespace) => {
			const type = this.type(resource);
			return this.deps.store.get(this.key(type, this.namespaceOf(type, namespace), name))?.value;
		},
		list: (resource, namespace) => {
			const type = this.type(resource);
			const prefix = type.namespaced && namespace ? `/registry/${type.resource}/${namespace}/` : `/registry/${type.resource}/`;
			return this.deps.store.range(prefix).kvs.map(kv => kv.value);
		},
		timestamp: () => this.deps.clock.timestamp(),
		randomString: n => this.deps.random.string(n),
		updateStatus: (resource, object, reason) => {
			this.update('system:apiserver', resource, object, {subresource: 'status', reason});
		},
	};

	/** Finalizers that still hold an object: metadata.finalizers and the kind's own (a namespace's spec.finalizers). */
	private pendingFinalizers(type: ResourceType, obj: KubeObject): string[] {
		return [...(obj.metadata?.finalizers ?? []), ...(type.finalizers?.(obj) ?? [])];
	}

	/** An object marked for deletion with nothing left to wait for: no finalizer, no grace period. */
	private finished(type: ResourceType, obj: KubeObject): boolean {
		return !!obj.metadata?.deletionTimestamp && this.pendingFinalizers(type, obj).length === 0 && (obj.metadata.deletionGracePeriodSeconds ?? 0) === 0;
	}

	private prepare(type: ResourceType, input: KubeObject, namespace?: string): KubeObject {
		if (typeof input !== 'object' || input === null || Array.isArray(input)) throw badRequest(`${type.kind} must be an object`);
		const apiVersion = apiVersionOf(type);
		if ((input.apiVersion && input.apiVersion !== apiVersion) || (input.kind && input.kind !== type.kind)) {
			throw badRequest(`the API version in the data (${input.apiVersion}) does not match the expected API version (${apiVersion}) for kind ${input.kind}`);
		}
		const obj = this.decode(type, input);
		obj.apiVersion = apiVersion;
		obj.kind = type.kind;
		obj.metadata = {...(obj.metadata ?? {})};
		if (type.namespaced) {
			if (namespace && obj.metadata.namespace && namespace !== obj.metadata.namespace) {
				throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
			}
			obj.metadata.namespace = namespace || obj.metadata.namespace || 'default';
		} else delete obj.metadata.namespace;
		return obj;
	}

	/** The request body as the apiserver decodes it: strictly, into a private copy (see strict-decoding.ts). */
	private decode(type: ResourceType, input: KubeObject): KubeObject {
		try {
			return strictDecode(apiVersionOf(type), type.kind, input) ?? deepClone(input);
		} catch (error) {
			if (error instanceof DecodeError) throw badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: ${error.message}`, error.field);
			if (error instanceof RangeError) throw badRequest(`${type.kind} in version "${type.version}" cannot be handled as a ${type.kind}: nested too deeply`);
			throw error;
		}
	}

	private check(type: ResourceType, obj: KubeObject, errors: FieldError[]): void {
		if (errors.length > 0) throw invalid(type.kind, type.group, obj.metadata?.name ?? '', errors);
	}

	private write(identity: string, type: ResourceType, verb: TraceEntry['verb'], key: string, obj: KubeObject, expected: number, options: WriteOptions, resource = type.resource): KubeObject {
		const store = this.deps.store;
		obj.metadata!.resourceVersion = String(store.revision + 1);
		if (options.dryRun) return obj;
		deepFreeze(obj);
		const result = store.txn([{key, modRevision: expected}], [{type: 'put', key, value: obj}]);
		if (!result.succeeded) throw conflict(type, obj.metadata!.name!, staleResourceVersion);
		if (type.ttl) this.leases.grant(key, this.deps.clock.now());
		this.record(identity, verb, resource, obj, options.reason ?? verb, result.revision);
		return obj;
	}

	private remove(identity: string, type: ResourceType, key: string, obj: KubeObject, reason: string, expected: number, dryRun = false): KubeObject {
		if (dryRun) return obj;
		const result = this.deps.store.txn([{key, modRevision: expected}], [{type: 'delete', key}]);
		if (!result.succeeded) throw conflict(type, obj.metadata!.name!, staleResourceVersion);
		if (type.ttl) this.leases.revoke(key);
		this.allocators.for(type)?.release(obj);
		this.record(identity, 'delete', type.resource, obj, reason, result.revision);
		return obj;
	}

	private record(component: string, verb: TraceEntry['verb'], resource: string, obj: KubeObject, reason: string, revision: number): void {
		this.deps.trace.record({
			tick: this.deps.clock.tick, revision, component, verb, resource,
			namespace: obj.metadata?.namespace, name: obj.metadata?.name ?? '', reason,
		});
	}
}
