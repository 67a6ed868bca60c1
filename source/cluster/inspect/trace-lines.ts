// One tick of the API server's write trace as lines a person reads, grouped by component in the order they ran:
// `kube-scheduler bound default/web-x to node-2`, `kubelet@node-2 started container web`. Each line keeps the object
// it touched, so a view can jump to it. Events become their message (about their involved object); the three
// events that only restate the write beside them (Scheduled, SuccessfulCreate, SuccessfulDelete) are left out.
import type {TraceEntry} from '../api/trace.js';
import {lookupResource, resourceForKind} from '../api/registry.js';
import type {Event, KubeObject, Pod} from '../objects/types.js';
import {componentName} from './names.js';

export interface TraceObjectRef {
	/** Plural resource name (`pods`), without a subresource. */
	resource: string;
	namespace?: string;
	name: string;
}

export interface TraceLine {
	revision: number;
	/** The writer as a person names it: kube-scheduler, kubelet@node-2, replicaset-controller, kubectl (you). */
	component: string;
	identity: string;
	/** What was done and to how many of what, for the one-line summary: `bound` + `pod`. */
	action: string;
	noun: string;
	/** `bound default/web-x to node-2`. */
	text: string;
	/** The writer's own reason, when it adds something to `text`. */
	why?: string;
	object: TraceObjectRef;
}

export interface TraceGroup {
	component: string;
	identity: string;
	lines: TraceLine[];
}

export interface TickTrace {
	tick: number;
	/** The oldest and newest ticks whose writes the trace still holds whole. */
	oldest: number;
	newest: number;
	/** Writes the API server recorded in the tick (events that restate a write are counted but get no line). */
	writes: number;
	groups: TraceGroup[];
}

/** What turning entries into lines needs: the stored object as a write left it. */
export interface ObjectReader {
	/** The object at a store revision (undefined once compacted away or never there). */
	at(resource: string, namespace: string | undefined, name: string, revision: number): KubeObject | undefined;
}

const restating = new Set(['Scheduled', 'SuccessfulCreate', 'SuccessfulDelete']);

/** Event reasons as what was done to what, for the summary; others count as `recorded N events`. */
const eventWords: Readonly<Record<string, readonly [string, string]>> = {
	Pulling: ['pulling', 'image'],
	Pulled: ['pulled', 'image'],
	Created: ['created', 'container'],
	Started: ['started', 'container'],
	Killing: ['stopped', 'container'],
	BackOff: ['backed off', 'container'],
	Failed: ['failed', 'container'],
	Unhealthy: ['failed probe of', 'container'],
	FailedScheduling: ['could not schedule', 'pod'],
	ScalingReplicaSet: ['scaled', 'replica set'],
	RegisteredNode: ['registered', 'node'],
};

const pastTense: Readonly<Record<TraceEntry['verb'], string>> = {create: 'created', update: 'updated', patch: 'patched', delete: 'deleted'};

function singular(resource: string): string {
	return lookupResource(resource)?.singular ?? resource;
}

export function refText(ref: {namespace?: string; name: string}): string {
	return ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
}

/** `Started container web` -> `started container web`; `OOMKilled ...` keeps its capitals. */
function sentence(message: string): string {
	const [first, second] = message;
	return first && second && first !== first.toLowerCase() && second === second.toLowerCase() ? first.toLowerCase() + message.slice(1) : message;
}

/** The reason of an event write: a create carries it, a repeat `Reason (x3)`. */
function eventReason(e: TraceEntry): string {
	return e.reason.replace(/ \(x\d+\)$/, '');
}

/**
 * What a write did to what (`bound` + `pod`), from the entry alone (no store read): the summary counts these.
 * Undefined for an event that only restates the write beside it.
 */
export function actionOf(e: TraceEntry): {action: string; noun: string} | undefined {
	const [resource, subresource] = e.resource.split('/') as [string, string | undefined];
	if (resource === 'events') {
		if (e.verb === 'delete') return {action: 'deleted', noun: 'event'};
		const reason = eventReason(e);
		if (restating.has(reason)) return undefined;
		const [action, noun] = eventWords[reason] ?? ['recorded', 'event'];
		return {action, noun};
	}
	const what = singular(resource);
	switch (subresource) {
		case undefined: return {action: pastTense[e.verb], noun: what};
		case 'binding': return {action: 'bound', noun: what};
		case 'status': return {action: 'updated', noun: `${what} status`};
		case 'scale': return {action: 'scaled', noun: what};
		case 'eviction': return {action: 'evicted', noun: what};
		default: return {action: `${pastTense[e.verb]} ${subresource} of`, noun: what};
	}
}

type LineBase = Pick<TraceLine, 'revision' | 'component' | 'identity' | 'action' | 'noun'>;

/** An event as its message, about its involved object (the event itself when that kind is not served). */
function eventLine(e: TraceEntry, base: LineBase, reader: ObjectReader): TraceLine {
	const own: TraceObjectRef = {resource: 'events', namespace: e.namespace, name: e.name};
	if (e.verb === 'delete') return {...base, text: `deleted event ${refText(e)}`, why: e.reason, object: own};
	const event = reader.at('events', e.namespace, e.name, e.revision) as Event | undefined;
	const involved = event?.involvedObject;
	const resource = involved ? resourceForKind(involved.apiVersion, involved.kind)?.resource : undefined;
	const object: TraceObjectRef = resource && involved?.name ? {resource, namespace: involved.namespace, name: involved.name} : own;
	const repeat = e.verb === 'create' || !event?.count ? '' : ` (x${event.count})`;
	const said = event?.message ? sentence(event.message) : `recorded ${e.reason}`;
	// The scheduler's message names no pod; the line says which.
	const failed = eventReason(e) === 'FailedScheduling' && involved?.name;
	const text = (failed ? `could not schedule ${refText({namespace: involved!.namespace, name: involved!.name!})}: ${said}` : said) + repeat;
	return {...base, text, why: resource ? undefined : eventReason(e), object};
}

/** One trace entry as a line; undefined for an event that restates the write beside it. */
export function traceLine(e: TraceEntry, reader: ObjectReader): TraceLine | undefined {
	const done = actionOf(e);
	if (!done) return undefined;
	const [resource, subresource] = e.resource.split('/') as [string, string | undefined];
	const base: LineBase = {revision: e.revision, component: componentName(e.component), identity: e.component, ...done};
	if (resource === 'events') return eventLine(e, base, reader);
	const object: TraceObjectRef = {resource, namespace: e.namespace, name: e.name};
	const what = singular(resource);
	const ref = refText(e);
	const why = e.reason && e.reason !== e.verb ? e.reason : undefined;
	switch (subresource) {
		case 'binding': {
			const node = (reader.at('pods', e.namespace, e.name, e.revision) as Pod | undefined)?.spec?.nodeName;
			return {...base, text: node ? `bound ${ref} to ${node}` : `bound ${ref}`, why, object};
		}
		case 'status': return {...base, text: `updated status of ${what} ${ref}`, why, object};
		default: return {...base, text: `${done.action} ${done.noun} ${ref}`, why, object};
	}
}

/** First entry of `tick` or later in entries sorted by tick (the trace appends in tick order). */
export function firstIndexOfTick(entries: readonly TraceEntry[], tick: number): number {
	let lo = 0, hi = entries.length;
	while (lo < hi) {
		const mid = (lo + hi) >>> 1;
		if (entries[mid]!.tick < tick) lo = mid + 1;
		else hi = mid;
	}
	return lo;
}

/** The entries of one tick: a binary search, not a scan of the whole trace. */
export function entriesOfTick(entries: readonly TraceEntry[], tick: number): readonly TraceEntry[] {
	return entries.slice(firstIndexOfTick(entries, tick), firstIndexOfTick(entries, tick + 1));
}

/** Lines grouped by component, components in the order they first wrote (the tick's fixed run order). */
export function groupLines(entries: readonly TraceEntry[], reader: ObjectReader): TraceGroup[] {
	const groups = new Map<string, TraceGroup>();
	for (const entry of entries) {
		const line = traceLine(entry, reader);
		if (!line) continue;
		let group = groups.get(line.identity);
		if (!group) groups.set(line.identity, (group = {component: line.component, identity: line.identity, lines: []}));
		group.lines.push(line);
	}
	return [...groups.values()];
}
