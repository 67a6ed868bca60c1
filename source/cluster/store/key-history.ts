// Per-key version history: what a read at an older revision sees, and what compaction trims.
import {SortedKeys} from './sorted-keys.js';
import type {KeyValue, StoreEvent} from './types.js';

/** Index of the first event with revision > revision. */
export function firstAfter<V>(events: ReadonlyArray<StoreEvent<V>>, revision: number): number {
	let lo = 0;
	let hi = events.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (events[mid]!.revision <= revision) {
			lo = mid + 1;
		} else {
			hi = mid;
		}
	}

	return lo;
}

export function compareKeys(a: string, b: string): number {
	return a < b ? -1 : (a > b ? 1 : 0);
}

export class KeyHistory<V> {
	/** Build from events in revision order (a snapshot's), without per-key sorted inserts. */
	static fromEvents<V>(events: ReadonlyArray<StoreEvent<V>>): KeyHistory<V> {
		const history = new KeyHistory<V>();
		for (const event of events) {
			const list = history.byKey.get(event.kv.key);
			if (list === undefined) {
				history.byKey.set(event.kv.key, [event]);
			} else {
				list.push(event);
			}
		}

		history.keys = SortedKeys.fromSorted([...history.byKey.keys()].sort(compareKeys));
		return history;
	}

	/** Each key's retained events in revision order (at most one per revision). */
	private readonly byKey = new Map<string, Array<StoreEvent<V>>>();
	/** Keys with retained history, live or deleted: what an old-revision range walks. */
	private keys = new SortedKeys();

	record(event: StoreEvent<V>): void {
		const {key} = event.kv;
		const list = this.byKey.get(key);
		if (list === undefined) {
			this.byKey.set(key, [event]);
			this.keys.insert(key);
		} else {
			list.push(event);
		}
	}

	/** The key's value as of revision (undefined if absent then, or its history is compacted away). */
	valueAt(key: string, revision: number): KeyValue<V> | undefined {
		const list = this.byKey.get(key);
		if (list === undefined) {
			return undefined;
		}

		const event = list[firstAfter(list, revision) - 1];
		return event?.type === 'PUT' ? event.kv : undefined;
	}

	/** Visits keys with history in order from `from` (see SortedKeys.scan). */
	scan(from: string, exclusive: boolean, visit: (key: string) => boolean): void {
		this.keys.scan(from, exclusive, visit);
	}

	/** Keeps, per key, its state at revision plus everything after; forgets keys dead by then. */
	compact(revision: number): void {
		for (const [key, list] of this.byKey) {
			const keep = firstAfter(list, revision);
			if (keep === 0) {
				continue;
			}

			// The last event at or before the compaction point is the key's state there.
			const base = list[keep - 1]!;
			const later = keep === list.length ? [] : list.slice(keep);
			if (base.type === 'DELETE') {
				if (later.length === 0) {
					this.byKey.delete(key);
					this.keys.remove(key);
				} else {
					this.byKey.set(key, later);
				}
			} else if (keep > 1 || base.prevKv !== undefined) {
				// Drop prevKv so the compacted-away value can be collected.
				this.byKey.set(key, [{type: 'PUT', kv: base.kv, revision: base.revision}, ...later]);
			}
		}
	}

	/**
	 * The state at the compaction point as PUT events (one per key alive then), in revision
	 * then key order: what a snapshot holds before the retained log.
	 */
	baseline(compactRevision: number): Array<StoreEvent<V>> {
		const base: Array<StoreEvent<V>> = [];
		for (const list of this.byKey.values()) {
			if (list[0]!.revision <= compactRevision) {
				base.push(list[0]!);
			}
		}

		return base.sort((a, b) => a.revision - b.revision || compareKeys(a.kv.key, b.kv.key));
	}
}
