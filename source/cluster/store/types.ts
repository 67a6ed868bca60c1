// The cluster store's public shape: etcd's data model (keys, revisions, watches), in memory.
// Values are stored by reference and must be treated as immutable by every reader.

/** One key's current value and its revision bookkeeping, as etcd's mvccpb.KeyValue. */
export interface KeyValue<V = unknown> {
	key: string;
	value: V;
	/** Revision of the write that created this key (since its last deletion). */
	createRevision: number;
	/** Revision of the last write to this key. */
	modRevision: number;
	/** Number of writes to this key since it was created (1 on create). */
	version: number;
}

export type WatchEventType = 'PUT' | 'DELETE';

/** One change, as an etcd watch response event. */
export interface StoreEvent<V = unknown> {
	type: WatchEventType;
	/** For PUT: the new value. For DELETE: the key with the value it had, modRevision = the delete's revision. */
	kv: KeyValue<V>;
	/** The value before this change; undefined when the key was created. */
	prevKv?: KeyValue<V>;
	/** The store revision of the change (equals kv.modRevision). */
	revision: number;
}

export interface RangeOptions {
	/** At most this many keys (0 or undefined: no limit). */
	limit?: number;
	/** Opaque token from a previous range's `continue`; resumes after the last key returned. */
	continue?: string;
	/** Read as of this revision (must not be compacted, must be <= current). Default: current. */
	revision?: number;
}

export interface RangeResult<V = unknown> {
	/** Sorted by key (byte order, i.e. JavaScript string < comparison). */
	kvs: KeyValue<V>[];
	/** True when more keys matched than `limit` allowed. */
	more: boolean;
	/** Token to fetch the next page (present when more is true). */
	continue?: string;
	/** The revision this range was read at. */
	revision: number;
}

export type Compare = {key: string; modRevision: number}; // modRevision 0 = key must not exist

export type TxnOp<V = unknown> =
	| {type: 'put'; key: string; value: V}
	| {type: 'delete'; key: string};

export interface TxnResult<V = unknown> {
	succeeded: boolean;
	/** Store revision after the transaction (unchanged when it failed or wrote nothing). */
	revision: number;
	/** For each op, in order: the key's KeyValue after a put, or the deleted KeyValue (undefined if the key was absent). */
	results: Array<KeyValue<V> | undefined>;
}

export interface Watcher {
	/** Stop delivering events. */
	cancel(): void;
}

export interface StoreSnapshot<V = unknown> {
	revision: number;
	compactRevision: number;
	/** The full retained history, in revision order; restore() replays it. */
	events: StoreEvent<V>[];
}

/** Error thrown by reads/watches at a revision older than the compaction point. */
export class CompactedError extends Error {
	constructor(readonly requested: number, readonly compactRevision: number) {
		super(`etcdserver: mvcc: required revision has been compacted (requested ${requested}, compacted at ${compactRevision})`);
		this.name = 'CompactedError';
	}
}

/** Error thrown for a read at a revision newer than the store has. */
export class FutureRevisionError extends Error {
	constructor(readonly requested: number, readonly current: number) {
		super(`etcdserver: mvcc: required revision is a future revision (requested ${requested}, current ${current})`);
		this.name = 'FutureRevisionError';
	}
}
