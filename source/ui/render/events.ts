// Events: kubectl's columns (LAST SEEN TYPE REASON OBJECT MESSAGE; wide SUBOBJECT SOURCE FIRST SEEN COUNT NAME),
// newest first.
import {lastSeen, lookupResource, type Event, type ResourceDescriptor} from '../../cluster/index.js';
import {compareText, descriptorColumns, type ResourceRenderer, type Tone} from './types.js';

// kubectl's columns; the home pane lists every namespace's events without a NAMESPACE column, as before.
export const eventColumns = descriptorColumns(lookupResource('events') as ResourceDescriptor<Event>, {namespace: false});

export function eventTone(e: Event): Tone {
	return e.type === 'Warning' ? 'error' : 'normal';
}

// Objects from the API are frozen: an event's time is parsed once, not once per comparison of a sort.
const seenTimes = new WeakMap<Event, number>();
function seenAt(e: Event): number {
	let time = seenTimes.get(e);
	if (time === undefined) seenTimes.set(e, (time = Date.parse(lastSeen(e) ?? '') || 0));
	return time;
}
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
