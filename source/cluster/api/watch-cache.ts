// The API server's watch cache for one resource: one store watch, fanned out to many API watchers.
// Watchers filtered on the indexed field (pods by spec.nodeName) are kept in an index, so a write
// reaches only the few watchers that care, not every kubelet in a 5,000-node cluster.
import type {Store, StoreEvent} from '../store/index.js';
import type {KubeObject} from '../objects/types.js';
import type {ResourceType} from './resource.js';

export interface WatchEvent<T = KubeObject> {
	type: 'ADDED' | 'MODIFIED' | 'DELETED';
	object: T;
}

export interface CacheWatcher {
	namespace?: string;
	/** Value of the indexed field this watcher selects on, if it does. */
	indexValue?: string;
	matches(obj: KubeObject): boolean;
	handler(event: WatchEvent): void;
	/** The handler threw: the watcher has been dropped; its owner decides what next (re-list). */
	onError?(error: unknown): void;
}

export class WatchCache {
	private readonly unindexed = new Set<CacheWatcher>();
	/** Watchers being replayed history before they join. */
	private readonly replaying = new Set<CacheWatcher>();
	/** Watchers whose handler threw: never called again. */
	private readonly failed = new WeakSet<CacheWatcher>();
	private readonly indexed = new Map<string, Set<CacheWatcher>>();
	private readonly indexOf?: (obj: KubeObject) => string | undefined;

	constructor(private readonly store: Store<KubeObject>, private readonly prefix: string, type: ResourceType) {
		this.indexOf = type.watchIndex ? type.fieldSelectors?.[type.watchIndex] : undefined;
		store.watch(prefix, store.revision + 1, events => {
			for (const event of events) this.dispatch(event);
		});
	}

	/** Start a watcher at `fromRevision`: past events are replayed to it first, then live ones follow. */
	add(watcher: CacheWatcher, fromRevision: number): () => void {
		if (fromRevision <= this.store.revision) {
			const prefix = watcher.namespace ? `${this.prefix}${watcher.namespace}/` : this.prefix;
			// The store replays history synchronously on watch(); cancelling at once keeps only the replay.
			this.replaying.add(watcher);
			try {
				this.store.watch(prefix, fromRevision, events => {
					for (const event of events) this.deliver(watcher, event);
				}).cancel();
			} finally {
				this.replaying.delete(watcher);
			}
		}
		if (this.failed.has(watcher)) return () => {};
		const set = watcher.indexValue === undefined ? this.unindexed : this.bucket(watcher.indexValue);
		set.add(watcher);
		this.sets.set(watcher, set);
		return () => this.drop(watcher);
	}

	/** Which set holds each watcher, so a failing one can be dropped wherever it is. */
	private readonly sets = new Map<CacheWatcher, Set<CacheWatcher>>();

	/** Watchers open on this resource. */
	get size(): number {
		return this.sets.size;
	}

	private drop(watcher: CacheWatcher): void {
		this.sets.get(watcher)?.delete(watcher);
		this.sets.delete(watcher);
	}

	/** One watcher's handler, isolated: if it throws, that watcher alone is dropped and told; the others go on. */
	private call(watcher: CacheWatcher, event: WatchEvent): void {
		try {
			watcher.handler(event);
		} catch (error) {
			this.drop(watcher);
			this.failed.add(watcher);
			watcher.onError?.(error);
		}
	}

	private bucket(value: string): Set<CacheWatcher> {
		let set = this.indexed.get(value);
		if (!set) this.indexed.set(value, (set = new Set()));
		return set;
	}

	private dispatch(event: StoreEvent<KubeObject>): void {
		for (const watcher of this.unindexed) this.deliver(watcher, event);
		if (this.indexed.size === 0 || !this.indexOf) return;
		const now = event.type === 'PUT' ? this.indexOf(event.kv.value) : undefined;
		const before = event.prevKv ? this.indexOf(event.prevKv.value) : event.type === 'DELETE' ? this.indexOf(event.kv.value) : undefined;
		if (now !== undefined) for (const watcher of this.indexed.get(now) ?? []) this.deliver(watcher, event);
		if (before !== undefined && before !== now) for (const watcher of this.indexed.get(before) ?? []) this.deliver(watcher, event);
	}

	/** Translate one store event for one watcher: an object leaving the selection is DELETED for it, entering is ADDED. */
	private deliver(watcher: CacheWatcher, event: StoreEvent<KubeObject>): void {
		const current = event.kv.value;
		if (watcher.namespace && current.metadata?.namespace !== watcher.namespace) return;
		if (this.failed.has(watcher) || (!this.sets.has(watcher) && !this.replaying.has(watcher))) return;
		if (event.type === 'DELETE') {
			if (watcher.matches(current)) this.call(watcher, {type: 'DELETED', object: current});
			return;
		}
		const wasIn = event.prevKv ? watcher.matches(event.prevKv.value) : false;
		const isIn = watcher.matches(current);
		if (isIn) this.call(watcher, {type: wasIn ? 'MODIFIED' : 'ADDED', object: current});
		else if (wasIn) this.call(watcher, {type: 'DELETED', object: current});
	}
}
