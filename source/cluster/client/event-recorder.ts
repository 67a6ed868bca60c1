// The event recorder (client-go tools/record): writes Event objects for a component, and like the
// real event correlator, a repeat of the same event bumps count and lastTimestamp instead of adding a row.
import type {ApiClient} from '../api/index.js';
import type {Event, KubeObject} from '../objects/types.js';
import type {Clock} from '../sim/clock.js';
import {isStatusError} from '../api/index.js';

export type EventType = 'Normal' | 'Warning';

/** kube-apiserver's default --event-ttl. */
const eventLifetimeMs = 3_600_000;

export interface EventSource {
	component: string;
	host?: string;
}

export class EventRecorder {
	/** Events written, least recently repeated first (an LRU, as client-go's correlator cache). */
	private readonly seen = new Map<string, {name: string; namespace: string; count: number; last: number}>();

	constructor(private readonly client: ApiClient, private readonly source: EventSource, private readonly clock: Clock) {}

	event(obj: KubeObject, type: EventType, reason: string, message: string): void {
		const meta = obj.metadata ?? {};
		const namespace = meta.namespace || 'default';
		const key = [meta.uid, obj.kind, meta.namespace, meta.name, type, reason, message].join('\u0000');
		const now = this.clock.timestamp();
		const previous = this.seen.get(key);
		if (previous) {
			previous.count++;
			previous.last = this.clock.now();
			this.seen.delete(key);
			this.seen.set(key, previous);
			try {
				this.client.patch('events', previous.name, {count: previous.count, lastTimestamp: now}, {namespace: previous.namespace, reason: `${reason} (x${previous.count})`});
				return;
			} catch (error) {
				if (!isStatusError(error, 'NotFound')) throw error;
				// The event was removed (TTL or by hand): record it anew.
			}
		}
		// Upstream names events `<object>.<unix nanos in hex>`.
		const name = `${meta.name}.${this.clock.uniqueNanos().toString(16)}`;
		const event: Event = {
			apiVersion: 'v1', kind: 'Event',
			metadata: {name, namespace},
			involvedObject: {kind: obj.kind, namespace: meta.namespace, name: meta.name, uid: meta.uid, apiVersion: obj.apiVersion, resourceVersion: meta.resourceVersion},
			reason, message, type,
			source: {component: this.source.component, ...(this.source.host ? {host: this.source.host} : {})},
			firstTimestamp: now, lastTimestamp: now, count: 1,
			reportingComponent: this.source.component, reportingInstance: this.source.host ?? '',
		};
		try {
			this.client.create('events', event as KubeObject, {namespace, reason});
		} catch (error) {
			// Like the real recorder, an event that cannot be written is dropped; the component goes on.
			if (isStatusError(error)) return;
			throw error;
		}
		this.seen.set(key, {name, namespace, count: 1, last: this.clock.now()});
		// The correlator's cache is bounded (an LRU of 4096 in client-go); entries older than an event lives
		// (--event-ttl, 1 h by default) name events that are gone, so they go first.
		for (const [oldest, entry] of this.seen) {
			if (this.seen.size <= 4096 && entry.last > this.clock.now() - eventLifetimeMs) break;
			this.seen.delete(oldest);
		}
	}
}
