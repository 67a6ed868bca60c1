// LimitRanger (plugin/pkg/admission/limitranger): a new pod's containers get the namespace's LimitRange defaults
// (and an annotation saying so), then every container and the pod as a whole must fit the ranges' min, max and
// max limit/request ratio. Refusals quote upstream: `maximum cpu usage per Container is 800m, but limit is 1500m`.
import type {Container, LimitRange, LimitRangeItem, Pod} from '../../objects/types.js';
import {forbidden} from '../errors.js';
import {bytes, formatBytes, formatMilliCPU, milliCPU, parseQuantity} from '../../objects/quantity.js';
import {requestName, type AdmissionPlugin} from './types.js';

export const limitRangerAnnotation = 'kubernetes.io/limit-ranger';

type Resources = Record<string, string>;
const asText = (value: unknown) => String(value);
const containersOf = (pod: Pod): Array<{c: Container; kind: string}> => [
	...(pod.spec?.initContainers ?? []).map(c => ({c, kind: 'init container'})),
	...(pod.spec?.containers ?? []).map(c => ({c, kind: 'container'})),
];

/** Defaults for one container; returns what was set, as upstream's annotation lists it. */
function applyDefaults(c: Container, kind: string, item: LimitRangeItem): string[] {
	const resources = (c.resources ??= {});
	const limits: Resources = {...(resources.limits as Resources | undefined)};
	const requests: Resources = {...(resources.requests as Resources | undefined)};
	const setLimits: string[] = [];
	const setRequests: string[] = [];
	for (const [k, v] of Object.entries(item.default ?? {})) {
		if (limits[k] === undefined) {
			limits[k] = asText(v);
			setLimits.push(k);
		}
	}
	for (const [k, v] of Object.entries(item.defaultRequest ?? {})) {
		if (requests[k] === undefined) {
			// A container with a limit and no request asks for its limit (API defaulting), before any default request.
			requests[k] = limits[k] !== undefined && !setLimits.includes(k) ? limits[k]! : asText(v);
			setRequests.push(k);
		}
	}
	if (setLimits.length) resources.limits = limits;
	if (setRequests.length) resources.requests = requests;
	const notes: string[] = [];
	if (setRequests.length) notes.push(`${setRequests.sort().join(', ')} request for ${kind} ${c.name}`);
	if (setLimits.length) notes.push(`${setLimits.sort().join(', ')} limit for ${kind} ${c.name}`);
	return notes;
}

/** A quantity as Go's Quantity.String() prints it: `1.5` cpu is `1500m`, `1.5Gi` is `1536Mi`. */
const canonical = (resource: string, value: unknown) =>
	resource === 'cpu' ? formatMilliCPU(milliCPU(value as string)) : formatBytes(bytes(value as string));

/** min, max and ratio of one item against one set of requests and limits (a container's, or a pod's sums). */
function rangeErrors(item: LimitRangeItem, scope: string, requests: Resources, limits: Resources): string[] {
	const errors: string[] = [];
	for (const [k, min] of Object.entries(item.min ?? {})) {
		const request = requests[k];
		if (request === undefined) errors.push(`minimum ${k} usage per ${scope} is ${canonical(k, min)}.  No request is specified`);
		else if (parseQuantity(request)! < parseQuantity(min)!) errors.push(`minimum ${k} usage per ${scope} is ${canonical(k, min)}, but request is ${canonical(k, request)}`);
	}
	for (const [k, max] of Object.entries(item.max ?? {})) {
		const limit = limits[k];
		if (limit === undefined) errors.push(`maximum ${k} usage per ${scope} is ${canonical(k, max)}.  No limit is specified`);
		else if (parseQuantity(limit)! > parseQuantity(max)!) errors.push(`maximum ${k} usage per ${scope} is ${canonical(k, max)}, but limit is ${canonical(k, limit)}`);
	}
	for (const [k, ratio] of Object.entries(item.maxLimitRequestRatio ?? {})) {
		const request = parseQuantity(requests[k]), limit = parseQuantity(limits[k]);
		if (request === undefined || limit === undefined || request === 0) continue;
		const actual = limit / request;
		if (actual > parseQuantity(ratio)!) errors.push(`${k} max limit to request ratio per ${scope} is ${ratio}, but provided ratio is ${actual.toFixed(6)}`);
	}
	return errors;
}

/** The pod as a whole: the sums of its containers' requests and limits (formatted in the containers' units). */
function podTotals(pod: Pod): {requests: Resources; limits: Resources} {
	const sum = (part: 'requests' | 'limits') => {
		const totals: Record<string, number> = {};
		for (const c of pod.spec?.containers ?? []) for (const [k, v] of Object.entries(c.resources?.[part] ?? {})) totals[k] = (totals[k] ?? 0) + parseQuantity(v)!;
		return Object.fromEntries(Object.entries(totals).map(([k, v]) => [k, k === 'cpu' ? formatMilliCPU(Math.round(v * 1000)) : formatBytes(Math.round(v))]));
	};
	return {requests: sum('requests'), limits: sum('limits')};
}

export const limitRangerPlugin: AdmissionPlugin = {
	name: 'LimitRanger',
	admit(attrs, cluster) {
		if (attrs.type.resource !== 'pods' || attrs.operation !== 'CREATE' || attrs.subresource) return;
		const pod = attrs.object as Pod;
		const notes: string[] = [];
		for (const lr of cluster.list('limitranges', attrs.namespace) as LimitRange[]) {
			for (const item of lr.spec?.limits ?? []) {
				if (item.type !== 'Container') continue;
				for (const {c, kind} of containersOf(pod)) notes.push(...applyDefaults(c, kind, item));
			}
		}
		if (notes.length) {
			pod.metadata ??= {};
			pod.metadata.annotations = {...pod.metadata.annotations, [limitRangerAnnotation]: `LimitRanger plugin set: ${notes.join('; ')}`};
		}
	},
	validate(attrs, cluster) {
		if (attrs.type.resource !== 'pods' || attrs.operation !== 'CREATE' || attrs.subresource) return;
		const pod = attrs.object as Pod;
		const errors: string[] = [];
		for (const lr of cluster.list('limitranges', attrs.namespace) as LimitRange[]) {
			for (const item of lr.spec?.limits ?? []) {
				if (item.type === 'Container') {
					for (const {c} of containersOf(pod)) {
						errors.push(...rangeErrors(item, 'Container', (c.resources?.requests ?? {}) as Resources, (c.resources?.limits ?? {}) as Resources));
					}
				} else if (item.type === 'Pod') {
					const {requests, limits} = podTotals(pod);
					errors.push(...rangeErrors(item, 'Pod', requests, limits));
				}
			}
		}
		if (errors.length) throw forbidden(attrs.type, requestName(attrs), errors.length === 1 ? errors[0]! : `[${errors.join(', ')}]`);
	},
};
