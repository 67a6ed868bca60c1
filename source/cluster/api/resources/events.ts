import type {Event} from '../../objects/types.js';
import type {ResourceDescriptor} from '../resource.js';
import {age} from '../../objects/duration.js';
import type {FieldError} from '../errors.js';
import {objectMetaErrors} from '../validation.js';

export const events = {
	group: '', version: 'v1', kind: 'Event', resource: 'events', singular: 'event', shortNames: ['ev'],
	namespaced: true, generation: false, ttl: true,
	validate(event) {
		const errors: FieldError[] = objectMetaErrors(event.metadata, 'subdomain');
		if (!event.involvedObject) errors.push({type: 'Required', field: 'involvedObject'});
		if (event.type && !['Normal', 'Warning'].includes(event.type)) {
			errors.push({type: 'NotSupported', field: 'type', value: event.type, supported: ['Normal', 'Warning']});
		}
		return errors;
	},
	fieldSelectors: {
		'involvedObject.kind': e => e.involvedObject?.kind ?? '',
		'involvedObject.name': e => e.involvedObject?.name ?? '',
		'involvedObject.namespace': e => e.involvedObject?.namespace ?? '',
		'involvedObject.uid': e => e.involvedObject?.uid ?? '',
		reason: e => e.reason ?? '',
		type: e => e.type ?? '',
		'source.component': e => e.source?.component ?? '',
	},
	columns: [
		{name: 'LAST SEEN', value: (e, ctx) => age(lastSeen(e), ctx.now), drop: 3},
		{name: 'TYPE', value: e => e.type ?? 'Normal', drop: 1},
		{name: 'REASON', value: e => e.reason ?? '', min: 8},
		{name: 'OBJECT', value: involvedObject, min: 12, drop: 2},
		{name: 'SUBOBJECT', priority: 1, value: e => e.involvedObject?.fieldPath ?? '', drop: 5},
		{name: 'SOURCE', priority: 1, value: source, drop: 5},
		{name: 'MESSAGE', value: e => (e.message ?? '').replace(/\s*\n\s*/g, ' '), min: 12, cut: true},
		{name: 'FIRST SEEN', priority: 1, value: (e, ctx) => age(e.firstTimestamp ?? e.eventTime, ctx.now), drop: 5},
		{name: 'COUNT', priority: 1, type: 'integer', value: e => String(e.series?.count ?? e.count ?? 1), drop: 5},
		{name: 'NAME', priority: 1, value: e => e.metadata?.name ?? '', drop: 5},
	],
} satisfies ResourceDescriptor<Event>;

/** kubectl's last-seen time: the series' last observation, else lastTimestamp, else eventTime. */
export function lastSeen(e: Event): string | undefined {
	return e.series?.lastObservedTime ?? e.lastTimestamp ?? e.eventTime ?? e.metadata?.creationTimestamp;
}

/** `pod/web-7c9d-x2x`, as kubectl prints an event's involved object. */
export function involvedObject(e: Event): string {
	const kind = (e.involvedObject?.kind ?? '').toLowerCase();
	const name = e.involvedObject?.name ?? '';
	return kind ? `${kind}/${name}` : name;
}

function source(e: Event): string {
	const component = e.source?.component ?? e.reportingComponent ?? '';
	const host = e.source?.host ?? e.reportingInstance ?? '';
	return host ? `${component}, ${host}` : component;
}
