// Events (k9s render/ev.go): LAST SEEN TYPE REASON OBJECT MESSAGE, newest first; wide: SOURCE, COUNT, FIRST SEEN.
import {age, type Event} from '../../cluster/index.js';
import {compareText, type Column, type ResourceRenderer, type Tone} from './types.js';

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

export const eventColumns = [
	{title: 'LAST SEEN', value: (e, ctx) => age(lastSeen(e), ctx.now), drop: 3},
	{title: 'TYPE', value: e => e.type ?? 'Normal', drop: 1},
	{title: 'REASON', value: e => e.reason ?? '', min: 8},
	{title: 'OBJECT', value: involvedObject, min: 12, drop: 2},
	{title: 'MESSAGE', value: e => (e.message ?? '').replace(/\s*\n\s*/g, ' '), min: 12, cut: true},
	{title: 'SOURCE', value: source, wide: true, drop: 5},
	{title: 'COUNT', value: e => `${e.series?.count ?? e.count ?? 1}`, align: 'right', wide: true, drop: 5},
	{title: 'FIRST SEEN', value: (e, ctx) => age(e.firstTimestamp ?? e.eventTime, ctx.now), wide: true, drop: 5},
] satisfies Array<Column<Event>>;

export function eventTone(e: Event): Tone {
	return e.type === 'Warning' ? 'error' : 'normal';
}

const seenAt = (e: Event) => Date.parse(lastSeen(e) ?? '') || 0;
const revision = (e: Event) => Number(e.metadata?.resourceVersion ?? 0) || 0;

/** Newest first; within one instant the later write first, then by name for a stable order. */
export function compareEvents(a: Event, b: Event): number {
	return seenAt(b) - seenAt(a) || revision(b) - revision(a) || compareText(a.metadata?.name ?? '', b.metadata?.name ?? '');
}

export const events = {
	resource: 'events',
	namespaced: true,
	columns: eventColumns,
	tone: eventTone,
	compare: compareEvents,
} satisfies ResourceRenderer<Event>;
