// Fans written events out to watchers: each watcher gets one call per write with its
// matching events, in revision order, even when callbacks write to the store themselves.
import type {StoreEvent, Watcher} from './types.js';
import {WatchIndex} from './watch-index.js';

type Listener<V> = {
	prefix: string;
	/** Live events below this revision were replayed at registration (or precede fromRevision). */
	minRevision: number;
	onEvent: (events: Array<StoreEvent<V>>) => void;
	cancelled: boolean;
};

type Delivery<V> = {listener: Listener<V>; events: Array<StoreEvent<V>>};

export class WatchHub<V> {
	private readonly index = new WatchIndex<Listener<V>>();
	/** Deliveries not yet made; those caused from inside a callback wait behind the current ones. */
	private queue: Array<Delivery<V>> = [];
	private delivering = false;

	get size(): number {
		return this.index.size;
	}

	/**
	 * Registers a watcher that first receives `replay` (already filtered), then live events
	 * with revision >= minRevision.
	 */
	add(prefix: string, minRevision: number, replay: Array<StoreEvent<V>>, onEvent: Listener<V>['onEvent']): Watcher {
		const listener: Listener<V> = {prefix, minRevision, onEvent, cancelled: false};
		this.index.add(prefix, listener);
		if (replay.length > 0) {
			this.queue.push({listener, events: replay});
			this.drain();
		}

		return {
			cancel: () => {
				if (!listener.cancelled) {
					listener.cancelled = true;
					this.index.remove(prefix, listener);
				}
			},
		};
	}

	/** Delivers one write's (or txn's) events. */
	publish(events: ReadonlyArray<StoreEvent<V>>): void {
		if (this.index.size === 0) {
			return;
		}

		// Batch per watcher now, so watchers added later (which replay from the log) are not sent these again.
		const batches = new Map<Listener<V>, Array<StoreEvent<V>>>();
		for (const event of events) {
			this.index.forEachMatch(event.kv.key, listener => {
				if (event.revision < listener.minRevision) {
					return;
				}

				const batch = batches.get(listener);
				if (batch === undefined) {
					batches.set(listener, [event]);
				} else {
					batch.push(event);
				}
			});
		}

		if (batches.size === 0) {
			return;
		}

		for (const [listener, batch] of batches) {
			this.queue.push({listener, events: batch});
		}

		this.drain();
	}

	private drain(): void {
		if (this.delivering) {
			return;
		}

		this.delivering = true;
		let failed = false;
		let error: unknown;
		try {
			// The queue can grow while we deliver (callbacks that write).
			for (let i = 0; i < this.queue.length; i++) {
				const {listener, events} = this.queue[i]!;
				if (listener.cancelled) {
					continue;
				}

				try {
					listener.onEvent(events);
				} catch (error_) {
					// Finish delivering to everyone else before reporting, so nothing is lost.
					if (!failed) {
						failed = true;
						error = error_;
					}
				}
			}
		} finally {
			this.queue = [];
			this.delivering = false;
		}

		if (failed) {
			throw error;
		}
	}
}
