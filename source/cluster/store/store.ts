// etcd's MVCC keyspace in memory: one global revision, per-key version history for reads in
// the past, an append-only event log for watches, and compaction to bound all of it.
import {decodeContinue, encodeContinue} from './continue-token.js';
import {KeyHistory, compareKeys, firstAfter} from './key-history.js';
import {SortedKeys, prefixEnd} from './sorted-keys.js';
import {
	CompactedError,
	FutureRevisionError,
	type Compare,
	type KeyValue,
	type RangeOptions,
	type RangeResult,
	type StoreEvent,
	type StoreSnapshot,
	type TxnOp,
	type TxnResult,
	type Watcher,
} from './types.js';
import {WatchHub} from './watch-hub.js';

/** Revisions are whole numbers: NaN, fractions and infinities are refused, as etcd's int64 revisions would be. */
function requireRevision(revision: number): void {
	if (!Number.isSafeInteger(revision)) throw new RangeError(`invalid revision ${revision}: must be an integer`);
}

export class Store<V = unknown> {
	/** Rebuild a store from snapshot(); it continues numbering from the snapshot's revision. */
	static restore<V>(snapshot: StoreSnapshot<V>): Store<V> {
		const store = new Store<V>();
		let last = 0;
		for (const event of snapshot.events) {
			if (event.revision < last || event.revision > snapshot.revision) {
				throw new Error(`invalid snapshot: event at revision ${event.revision} out of order`);
			}

			last = event.revision;
			// Events up to the compaction point are the compacted state, not watchable history.
			if (event.revision > snapshot.compactRevision) {
				store.log.push(event);
			}

			if (event.type === 'PUT') {
				store.current.set(event.kv.key, event.kv);
			} else {
				store.current.delete(event.kv.key);
			}
		}

		store.history = KeyHistory.fromEvents(snapshot.events);
		store.liveKeys = SortedKeys.fromSorted([...store.current.keys()].sort(compareKeys));
		store.rev = snapshot.revision;
		store.compactRev = snapshot.compactRevision;
		return store;
	}

	/** An empty etcd is at revision 1; the first write is revision 2. */
	private rev = 1;
	private compactRev = 0;
	private readonly current = new Map<string, KeyValue<V>>();
	/** Sorted live keys: current-revision range and count. */
	private liveKeys = new SortedKeys();
	/** Per-key versions: reads at older revisions. */
	private history = new KeyHistory<V>();
	/** Every event after the compaction point, in revision order: watch replay. */
	private log: Array<StoreEvent<V>> = [];
	private readonly watchers = new WatchHub<V>();

	get revision(): number {
		return this.rev;
	}

	get compactRevision(): number {
		return this.compactRev;
	}

	get(key: string, options?: {revision?: number}): KeyValue<V> | undefined {
		const revision = this.readRevision(options?.revision);
		return revision === this.rev ? this.current.get(key) : this.history.valueAt(key, revision);
	}

	range(prefix: string, options: RangeOptions = {}): RangeResult<V> {
		let requested = options.revision;
		let after: string | undefined;
		if (options.continue !== undefined) {
			const token = decodeContinue(options.continue);
			if (requested !== undefined && requested > 0 && requested !== token.revision) {
				throw new Error(`revision ${requested} conflicts with continue token at revision ${token.revision}`);
			}

			requested = token.revision;
			after = token.lastKey;
		}

		const revision = this.readRevision(requested);
		const limit = options.limit !== undefined && options.limit > 0 ? options.limit : Number.POSITIVE_INFINITY;
		const latest = revision === this.rev;
		const kvs: Array<KeyValue<V>> = [];
		let more = false;
		const exclusive = after !== undefined && after >= prefix;
		(latest ? this.liveKeys : this.history).scan(exclusive ? after! : prefix, exclusive, key => {
			if (!key.startsWith(prefix)) {
				return false;
			}

			const kv = latest ? this.current.get(key) : this.history.valueAt(key, revision);
			if (kv === undefined) {
				return true;
			}

			if (kvs.length >= limit) {
				more = true;
				return false;
			}

			kvs.push(kv);
			return true;
		});
		const result: RangeResult<V> = {kvs, more, revision};
		if (more) {
			result.continue = encodeContinue({revision, lastKey: kvs.at(-1)!.key});
		}

		return result;
	}

	/** Number of live keys with the prefix, without materializing them. */
	count(prefix: string): number {
		return this.liveKeys.countRange(prefix, prefixEnd(prefix));
	}

	put(key: string, value: V): KeyValue<V> {
		const event = this.applyPut(key, value, this.rev + 1);
		this.commit(event.revision, [event]);
		return event.kv;
	}

	/** Returns the deleted key's last value; deleting an absent key writes nothing. */
	delete(key: string): KeyValue<V> | undefined {
		const event = this.applyDelete(key, this.rev + 1);
		if (event === undefined) {
			return undefined;
		}

		this.commit(event.revision, [event]);
		return event.prevKv;
	}

	txn(compares: Compare[], ops: Array<TxnOp<V>>): TxnResult<V> {
		// Each key once per txn, as etcd requires: per-key history holds one entry per revision.
		const keys = new Set<string>();
		for (const op of ops) {
			if (keys.has(op.key)) {
				throw new Error(`etcdserver: duplicate key given in txn request: ${op.key}`);
			}

			keys.add(op.key);
		}

		for (const compare of compares) {
			if ((this.current.get(compare.key)?.modRevision ?? 0) !== compare.modRevision) {
				return {succeeded: false, revision: this.rev, results: []};
			}
		}

		const revision = this.rev + 1;
		const events: Array<StoreEvent<V>> = [];
		const results: Array<KeyValue<V> | undefined> = [];
		for (const op of ops) {
			if (op.type === 'put') {
				const event = this.applyPut(op.key, op.value, revision);
				events.push(event);
				results.push(event.kv);
			} else {
				const event = this.applyDelete(op.key, revision);
				if (event !== undefined) {
					events.push(event);
				}

				results.push(event?.prevKv);
			}
		}

		if (events.length > 0) {
			this.commit(revision, events);
		}

		return {succeeded: true, revision: this.rev, results};
	}

	/**
	 * Delivers retained events with revision >= fromRevision under prefix (one call), then each
	 * later write's matching events (one call per write). A call made from inside another
	 * watcher's callback is queued behind the deliveries already due, to keep every watcher's
	 * events in revision order.
	 */
	watch(prefix: string, fromRevision: number, onEvent: (events: Array<StoreEvent<V>>) => void): Watcher {
		requireRevision(fromRevision);
		if (this.compactRev > 0 && fromRevision <= this.compactRev) {
			throw new CompactedError(fromRevision, this.compactRev);
		}

		const replay: Array<StoreEvent<V>> = [];
		for (let i = firstAfter(this.log, fromRevision - 1); i < this.log.length; i++) {
			const event = this.log[i]!;
			if (event.kv.key.startsWith(prefix)) {
				replay.push(event);
			}
		}

		// Live delivery starts where the replay ends, so nothing is doubled.
		return this.watchers.add(prefix, Math.max(fromRevision, this.rev + 1), replay, onEvent);
	}

	/** Drops history before revision: older reads and watches then throw CompactedError. */
	compact(revision: number): void {
		requireRevision(revision);
		if (revision > this.rev) {
			throw new FutureRevisionError(revision, this.rev);
		}

		if (revision <= this.compactRev) {
			return;
		}

		this.compactRev = revision;
		this.log.splice(0, firstAfter(this.log, revision));
		this.history.compact(revision);
	}

	/**
	 * The compacted state (one PUT per key alive at the compaction point) followed by the
	 * retained log. Events are shared by reference; they are immutable.
	 */
	snapshot(): StoreSnapshot<V> {
		const events = [...this.history.baseline(this.compactRev), ...this.log];
		return {revision: this.rev, compactRevision: this.compactRev, events};
	}

	/** Validates a read revision; undefined or <= 0 means current, as in etcd. */
	private readRevision(revision: number | undefined): number {
		if (revision !== undefined) requireRevision(revision);
		if (revision === undefined || revision <= 0) {
			return this.rev;
		}

		if (revision < this.compactRev) {
			throw new CompactedError(revision, this.compactRev);
		}

		if (revision > this.rev) {
			throw new FutureRevisionError(revision, this.rev);
		}

		return revision;
	}

	private applyPut(key: string, value: V, revision: number): StoreEvent<V> {
		const previous = this.current.get(key);
		let event: StoreEvent<V>;
		if (previous === undefined) {
			const kv: KeyValue<V> = {key, value, createRevision: revision, modRevision: revision, version: 1};
			event = {type: 'PUT', kv, revision};
			this.liveKeys.insert(key);
		} else {
			const kv: KeyValue<V> = {key, value, createRevision: previous.createRevision, modRevision: revision, version: previous.version + 1};
			event = {type: 'PUT', kv, prevKv: previous, revision};
		}

		this.current.set(key, event.kv);
		this.record(event);
		return event;
	}

	private applyDelete(key: string, revision: number): StoreEvent<V> | undefined {
		const previous = this.current.get(key);
		if (previous === undefined) {
			return undefined;
		}

		// The tombstone keeps the last value (and create revision/version) for watchers.
		const event: StoreEvent<V> = {type: 'DELETE', kv: {...previous, modRevision: revision}, prevKv: previous, revision};
		this.current.delete(key);
		this.liveKeys.remove(key);
		this.record(event);
		return event;
	}

	private record(event: StoreEvent<V>): void {
		this.history.record(event);
		this.log.push(event);
	}

	private commit(revision: number, events: Array<StoreEvent<V>>): void {
		this.rev = revision;
		this.watchers.publish(events);
	}
}
