// The event recorder (client-go tools/record): writes Event objects for a component, and like the
// real event correlator, a repeat of the same event bumps count and lastTimestamp instead of adding a row.
import type {ApiClient} from '../api/index.js';
import type {Event, KubeObject} from '../objects/types.js';
import type {Clock} from '../sim/clock.js';
import {isStatusError} from '../api/index.js';

export type EventType = 'Normal' | 'Warning';

export interface EventSource {
	component: string;
	host?: string;
}

export class EventRecorder {
	private readonly seen = new Map<string, {name: string; namespace: string; count: number}>();

	constructor(private readonly client: ApiClient, private readonly source: EventSource, private readonly clock: Clock) {}

	event(obj: KubeObject, type: EventType, reason: string, message: string): void {
		const meta = obj.metadata ?? {};
		const namespace = meta.namespace || 'default';
		const key = [meta.uid, obj.kind, meta.namespace, meta.name, type, reason, message].join('\u0000');
		const now = this.clock.timestamp();
		const previous = this.seen.get(key);
		if (previous) {
			previous.count++;
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
		this.seen.set(key, {name, namespace, count: 1});
		// The correlator's cache is bounded (an LRU of 4096 in client-go).
		if (this.seen.size > 4096) this.seen.delete(this.seen.keys().next().value!);
	}
}
