// A client-go style informer: list + watch one resource into a local cache, with indexes.
// Watch events are buffered as they arrive and applied only by sync(), which the tick engine calls at
// the start of each tick: so a component sees the writes of earlier ticks, never those of its own tick.
// A handler that throws is isolated: it is recorded in the trace, the other handlers and informers go on, and the
// informer re-lists after a backoff so its component sees every object again and converges.
import type {ApiClient, WatchEvent} from '../api/index.js';
import type {KubeObject} from '../objects/types.js';
import {objectKey} from '../objects/types.js';

export interface EventHandlers<T> {
	add?(obj: T): void;
	update?(old: T, obj: T): void;
	delete?(obj: T): void;
}

export interface InformerOptions {
	namespace?: string;
	labelSelector?: string;
	fieldSelector?: string;
}

type IndexFunc<T> = (obj: T) => readonly string[];

export class Informer<T extends KubeObject = KubeObject> {
	private readonly cache = new Map<string, T>();
	private pending: WatchEvent<T>[] = [];
	private readonly handlers: EventHandlers<T>[] = [];
	private readonly indexers = new Map<string, IndexFunc<T>>();
	private readonly indexes = new Map<string, Map<string, Set<string>>>();
	private watch?: {cancel(): void};

	constructor(private readonly client: ApiClient, readonly resource: string, private readonly options: InformerOptions = {}) {}

	/** List now (delivered at the next sync, as ADDED) and watch from the list's resourceVersion. */
	start(): this {
		if (this.watch) return this;
		const list = this.client.list<T>(this.resource, this.options);
		for (const object of list.items) this.pending.push({type: 'ADDED', object});
		this.watchFrom(list.resourceVersion);
		return this;
	}

	private watchFrom(resourceVersion: string): void {
		this.watch = this.client.watch<T>(this.resource, {...this.options, resourceVersion}, event => this.pending.push(event), () => this.backOff());
	}

	/** Ticks until the next re-list after a failure (0: none due); failures in a row, for the backoff. */
	private relistIn = 0;
	private failures = 0;

	/** A handler (or the watch) failed: re-list after 1, 2, 4 ... ticks (at most 30), as a reflector backs off. */
	private backOff(): void {
		if (this.relistIn > 0) return;
		this.failures++;
		this.relistIn = Math.min(2 ** (this.failures - 1), 30);
	}

	/**
	 * List again and replace the cache (client-go's Replace): every listed object is delivered again, as an update
	 * when it was cached and an add when not; cached objects no longer listed are deleted. Then watch from the list.
	 */
	private relist(): void {
		this.watch?.cancel();
		const list = this.client.list<T>(this.resource, this.options);
		const listed = new Set(list.items.map(objectKey));
		this.pending = [];
		for (const [key, object] of this.cache) if (!listed.has(key)) this.pending.push({type: 'DELETED', object});
		for (const object of list.items) this.pending.push({type: 'ADDED', object});
		this.watchFrom(list.resourceVersion);
	}

	/** Call one handler; a throw is recorded in the trace and schedules a re-list, never stops the others. */
	private notify(handlers: EventHandlers<T>, call: () => void): boolean {
		try {
			call();
			return true;
		} catch (error) {
			(this.reporters.get(handlers) ?? this.client).reportWatchError(this.resource, error);
			this.backOff();
			return false;
		}
	}

	stop(): void {
		this.watch?.cancel();
	}

	/**
	 * Handlers of a shared informer's users. Added after the informer first synced, a handler is told of every cached
	 * object as an add, as client-go does. `reporter` is the client a failing handler is recorded under.
	 */
	addEventHandler(handlers: EventHandlers<T>, reporter: ApiClient = this.client): void {
		this.handlers.push(handlers);
		this.reporters.set(handlers, reporter);
		if (this.synced && handlers.add) for (const obj of this.cache.values()) this.notify(handlers, () => handlers.add!(obj));
	}

	private readonly reporters = new Map<EventHandlers<T>, ApiClient>();
	private synced = false;

	/** An index from a value to the keys of the objects that have it (e.g. pods by node name). Names are shared:
	 * a second addIndex of a name already there (by another user of a shared informer) keeps the first. */
	addIndex(name: string, fn: IndexFunc<T>): void {
		if (this.indexers.has(name)) return;
		this.indexers.set(name, fn);
		const index = new Map<string, Set<string>>();
		this.indexes.set(name, index);
		for (const [key, obj] of this.cache) for (const value of fn(obj)) this.indexAdd(index, value, key);
	}

	/** Apply the buffered watch events to the cache and call the handlers, in order. Returns how many. */
	sync(): number {
		if (this.relistIn > 0 && --this.relistIn === 0) this.relist();
		const events = this.pending;
		if (events.length === 0) {
			this.synced = true;
			return 0;
		}
		this.pending = [];
		let clean = true;
		for (const {type, object} of events) {
			const key = objectKey(object);
			const old = this.cache.get(key);
			if (old) this.unindex(key, old);
			if (type === 'DELETED') {
				this.cache.delete(key);
				for (const h of this.handlers) if (h.delete) clean = this.notify(h, () => h.delete!(object)) && clean;
				continue;
			}
			this.cache.set(key, object);
			this.index(key, object);
			for (const h of this.handlers) {
				if (old) {
					if (h.update) clean = this.notify(h, () => h.update!(old, object)) && clean;
				} else if (h.add) clean = this.notify(h, () => h.add!(object)) && clean;
			}
		}
		if (clean && this.relistIn === 0) this.failures = 0;
		this.synced = true;
		return events.length;
	}

	get(key: string): T | undefined {
		return this.cache.get(key);
	}

	list(): IterableIterator<T> {
		return this.cache.values();
	}

	get size(): number {
		return this.cache.size;
	}

	byIndex(name: string, value: string): T[] {
		const keys = this.indexes.get(name)?.get(value);
		if (!keys) return [];
		const out: T[] = [];
		for (const key of keys) out.push(this.cache.get(key)!);
		return out;
	}

	/** Number of objects under an index value, without building a list. */
	countIndex(name: string, value: string): number {
		return this.indexes.get(name)?.get(value)?.size ?? 0;
	}

	private index(key: string, obj: T): void {
		for (const [name, fn] of this.indexers) for (const value of fn(obj)) this.indexAdd(this.indexes.get(name)!, value, key);
	}

	private unindex(key: string, obj: T): void {
		for (const [name, fn] of this.indexers) {
			const index = this.indexes.get(name)!;
			for (const value of fn(obj)) {
				const set = index.get(value);
				set?.delete(key);
				if (set?.size === 0) index.delete(value);
			}
		}
	}

	private indexAdd(index: Map<string, Set<string>>, value: string, key: string): void {
		let set = index.get(value);
		if (!set) index.set(value, (set = new Set()));
		set.add(key);
	}
}

/** The common indexes: by controller owner uid, by node name. */
export const byControllerUid = (obj: KubeObject): string[] => {
	const ref = obj.metadata?.ownerReferences?.find(r => r.controller);
	return ref ? [ref.uid] : [];
};

export const byOwnerUids = (obj: KubeObject): string[] => (obj.metadata?.ownerReferences ?? []).map(r => r.uid);

export const byNodeName = (obj: KubeObject): string[] => {
	const nodeName = (obj.spec as {nodeName?: string} | undefined)?.nodeName;
	return nodeName ? [nodeName] : [];
};
