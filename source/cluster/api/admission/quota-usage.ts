// What an object uses of a ResourceQuota (pkg/quota/v1/evaluator/core): a pod's compute requests and limits and
// its count; any other object its count (`count/<resource>[.<group>]`, and the legacy names of core kinds).
// Shared by the ResourceQuota admission plugin (the charge of one create) and the quota controller (the sums).
import type {KubeObject, Pod, ResourceQuota} from '../../objects/types.js';
import type {ResourceDescriptor} from '../resource.js';
import {bytes, formatBytes, formatMilliCPU, milliCPU} from '../../objects/quantity.js';
import {isPodTerminal} from '../../objects/pod-status.js';

export type Usage = Record<string, number>;

/** Core kinds counted under their plain names too (`pods`, `configmaps`, ...). */
const legacyCounts = new Set(['pods', 'configmaps', 'secrets', 'services', 'replicationcontrollers', 'resourcequotas', 'persistentvolumeclaims']);

const isCpu = (name: string) => name === 'cpu' || name.endsWith('.cpu');
const isCount = (name: string) => !isCpu(name) && !/(^|\.)memory$/.test(name) && !/(^|\.)ephemeral-storage$/.test(name);

/** A quantity for a quota resource as numbers are kept here: millicores for cpu, bytes for memory, counts as is. */
export function quotaValue(name: string, text: string | number | undefined): number {
	if (isCpu(name)) return milliCPU(text);
	if (isCount(name)) return Number(text ?? 0) || 0;
	return bytes(text);
}

/** The canonical text of a quota value (`500m`, `1Gi`, `3`). */
export function formatQuotaValue(name: string, value: number): string {
	if (isCpu(name)) return formatMilliCPU(value);
	if (isCount(name)) return String(value);
	return formatBytes(value);
}

function sumContainers(pod: Pod, part: 'requests' | 'limits', resource: 'cpu' | 'memory'): number {
	const parse = resource === 'cpu' ? milliCPU : bytes;
	const value = (c: {resources?: {requests?: Record<string, unknown>; limits?: Record<string, unknown>}}) => parse(c.resources?.[part]?.[resource] as string | undefined);
	const regular = (pod.spec?.containers ?? []).reduce((n, c) => n + value(c), 0);
	// Init containers run one at a time before the others: the pod needs the larger of the two.
	const init = Math.max(0, ...(pod.spec?.initContainers ?? []).map(value));
	return Math.max(regular, init);
}

/** Whether a quota's scopes select this pod (BestEffort, NotBestEffort, Terminating, NotTerminating). */
export function podInScopes(pod: Pod, scopes: readonly string[] | undefined): boolean {
	const bestEffort = (pod.status?.qosClass ?? 'BestEffort') === 'BestEffort';
	const terminating = pod.spec?.activeDeadlineSeconds !== undefined;
	return (scopes ?? []).every(scope => ({
		BestEffort: bestEffort, NotBestEffort: !bestEffort, Terminating: terminating, NotTerminating: !terminating,
	} as Record<string, boolean>)[scope] ?? true);
}

/** What one object uses, for the resources a quota tracks; undefined when the quota does not count it at all. */
export function usageOf(type: ResourceDescriptor, obj: KubeObject, quota: ResourceQuota): Usage | undefined {
	const scopes = quota.spec?.scopes;
	const isPod = type.resource === 'pods';
	if (scopes?.length && !isPod) return undefined;
	if (isPod && (isPodTerminal(obj as Pod) || !podInScopes(obj as Pod, scopes))) return undefined;
	const usage: Usage = {};
	const count = type.group ? `count/${type.resource}.${type.group}` : `count/${type.resource}`;
	for (const name of Object.keys(quota.spec?.hard ?? {})) {
		if (name === count || (name === type.resource && !type.group && legacyCounts.has(name))) usage[name] = 1;
		if (!isPod) continue;
		const pod = obj as Pod;
		if (name === 'cpu' || name === 'requests.cpu') usage[name] = sumContainers(pod, 'requests', 'cpu');
		if (name === 'memory' || name === 'requests.memory') usage[name] = sumContainers(pod, 'requests', 'memory');
		if (name === 'limits.cpu') usage[name] = sumContainers(pod, 'limits', 'cpu');
		if (name === 'limits.memory') usage[name] = sumContainers(pod, 'limits', 'memory');
	}
	return Object.keys(usage).length ? usage : undefined;
}

/** The compute resources a quota tracks that every container must state (requests.cpu -> requests of cpu). */
export function missingCompute(pod: Pod, quota: ResourceQuota): string[] {
	const missing: string[] = [];
	for (const name of Object.keys(quota.spec?.hard ?? {}).sort()) {
		const match = /^(requests|limits)\.(cpu|memory)$/.exec(name) ?? (/^(cpu|memory)$/.test(name) ? ['', 'requests', name] : null);
		if (!match) continue;
		const [, part, resource] = match as unknown as [string, 'requests' | 'limits', 'cpu' | 'memory'];
		const lacking = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].filter(c => c.resources?.[part]?.[resource] === undefined).map(c => c.name);
		if (lacking.length) missing.push(`${name} for: ${lacking.join(',')}`);
	}
	return missing;
}
