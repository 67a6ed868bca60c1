// Deployment helpers from pkg/controller/deployment/util: the pod-template-hash, max surge and
// max unavailable, and telling the new ReplicaSet from the old ones.
import type {Deployment, ReplicaSet, PodTemplateSpec} from '../../../objects/types.js';
import {safeEncodeString} from '../../../sim/random.js';

export const templateHashLabel = 'pod-template-hash';
export const revisionAnnotation = 'deployment.kubernetes.io/revision';
export const desiredReplicasAnnotation = 'deployment.kubernetes.io/desired-replicas';
export const maxReplicasAnnotation = 'deployment.kubernetes.io/max-replicas';

/** FNV-32a, the hash ComputeHash feeds the pod template through. */
function fnv32a(text: string): number {
	let hash = 0x811c9dc5;
	for (let i = 0; i < text.length; i++) {
		hash ^= text.charCodeAt(i) & 0xff;
		hash = Math.imul(hash, 0x01000193) >>> 0;
	}
	return hash >>> 0;
}

/** Stable JSON: keys sorted, so equal templates hash equally whatever order their YAML had. */
function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		return `{${Object.keys(value).sort().filter(k => (value as any)[k] !== undefined).map(k => `${JSON.stringify(k)}:${canonical((value as any)[k])}`).join(',')}}`;
	}
	return JSON.stringify(value);
}

/** controller.ComputeHash: the pod-template-hash label value and ReplicaSet name suffix. */
export function computeHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
	let text = canonical(template ?? {});
	if (collisionCount !== undefined && collisionCount !== null) text += String(collisionCount);
	return safeEncodeString(String(fnv32a(text)));
}

/** The template without the pod-template-hash label, for comparing a ReplicaSet with its Deployment. */
export function templateWithoutHash(template: PodTemplateSpec | undefined): string {
	const labels = {...(template?.metadata?.labels ?? {})};
	delete labels[templateHashLabel];
	return canonical({...template, metadata: {...template?.metadata, labels}});
}

export function findNewReplicaSet(d: Deployment, replicaSets: readonly ReplicaSet[]): ReplicaSet | undefined {
	const wanted = templateWithoutHash(d.spec?.template);
	// Oldest first, as upstream sorts, so the oldest matching one wins.
	return byCreation(replicaSets).find(rs => templateWithoutHash(rs.spec?.template) === wanted);
}

export function byCreation<T extends {metadata?: {creationTimestamp?: string; name?: string}}>(list: readonly T[]): T[] {
	return [...list].sort((a, b) => {
		const ta = a.metadata?.creationTimestamp ?? '', tb = b.metadata?.creationTimestamp ?? '';
		if (ta !== tb) return ta < tb ? -1 : 1;
		return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : 1;
	});
}

function resolve(value: number | string | undefined, total: number, roundUp: boolean): number {
	if (value === undefined) return 0;
	if (typeof value === 'number') return value;
	const percent = Number(value.replace('%', ''));
	const exact = (percent * total) / 100;
	return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

/** ResolveFenceposts: surge rounds up, unavailable rounds down; both zero means unavailable 1. */
export function resolveFenceposts(d: Deployment): {surge: number; unavailable: number} {
	const replicas = d.spec?.replicas ?? 1;
	const rolling = d.spec?.strategy?.rollingUpdate;
	const surge = resolve(rolling?.maxSurge, replicas, true);
	let unavailable = resolve(rolling?.maxUnavailable, replicas, false);
	if (surge === 0 && unavailable === 0) unavailable = 1;
	return {surge, unavailable};
}

export function maxUnavailable(d: Deployment): number {
	const replicas = d.spec?.replicas ?? 1;
	if (d.spec?.strategy?.type !== 'RollingUpdate' || replicas === 0) return 0;
	return Math.min(resolveFenceposts(d).unavailable, replicas);
}

export function maxSurge(d: Deployment): number {
	if (d.spec?.strategy?.type !== 'RollingUpdate') return 0;
	return resolveFenceposts(d).surge;
}

export const specReplicas = (rs: ReplicaSet | undefined) => rs?.spec?.replicas ?? 0;
export const sumSpec = (list: readonly ReplicaSet[]) => list.reduce((n, rs) => n + specReplicas(rs), 0);
export const sumStatus = (list: readonly ReplicaSet[], field: 'replicas' | 'readyReplicas' | 'availableReplicas') =>
	list.reduce((n, rs) => n + (rs.status?.[field] ?? 0), 0);

export function revisionOf(obj: {metadata?: {annotations?: Record<string, string>}}): number {
	return Number(obj.metadata?.annotations?.[revisionAnnotation] ?? 0) || 0;
}
