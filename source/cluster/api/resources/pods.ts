import {containerLines, initContainerSection} from './pod-describe.js';
import type {Pod, PodSpec} from '../../objects/types.js';
import type {ResourceDescriptor, Subresource} from '../resource.js';
import {statusSubresource} from '../resource.js';
import {objectMetaErrors} from '../validation.js';
import {conflict} from '../errors.js';
import {setCondition} from '../../objects/conditions.js';
import {summarizePod} from '../../objects/pod-status.js';
import {formatLabels} from '../../objects/labels.js';
import {defaultPodSpec, podSpecErrors} from './pod-spec.js';
import {ageColumn, nameColumn} from './columns.js';
import {eviction} from './pod-eviction.js';

/** status.qosClass, as the API server computes it on create. */
function qosClass(spec: PodSpec): 'Guaranteed' | 'Burstable' | 'BestEffort' {
	let any = false;
	let guaranteed = true;
	for (const c of [...spec.containers, ...(spec.initContainers ?? [])]) {
		const requests = c.resources?.requests ?? {};
		const limits = c.resources?.limits ?? {};
		if (Object.keys(requests).length > 0 || Object.keys(limits).length > 0) any = true;
		for (const name of ['cpu', 'memory']) {
			if (!limits[name] || requests[name] !== limits[name]) guaranteed = false;
		}
	}
	return !any ? 'BestEffort' : guaranteed ? 'Guaranteed' : 'Burstable';
}

// Everything in a pod spec but images is fixed after creation (nodeName changes only through binding).
const mutableSpecView = (spec: PodSpec | undefined) => JSON.stringify({
	...spec,
	containers: spec?.containers?.map(c => ({...c, image: undefined})),
	initContainers: spec?.initContainers?.map(c => ({...c, image: undefined})),
	activeDeadlineSeconds: undefined,
	tolerations: undefined,
});

/** pods/binding: the scheduler's only way to set spec.nodeName (pkg/registry/core/pod/storage BindingREST). */
const binding: Subresource<Pod, {target: {name: string}}> = {
	verb: 'create',
	write(pod, {target}, ctx) {
		const name = pod.metadata!.name!;
		const gr = {group: '', resource: 'pods/binding'};
		if (pod.metadata?.deletionTimestamp) throw conflict(gr, name, `pod ${name} is being deleted, cannot be assigned to a host`);
		if (pod.spec?.nodeName) throw conflict(gr, name, `pod ${name} is already assigned to node "${pod.spec.nodeName}"`);
		return {
			...pod,
			spec: {...pod.spec!, nodeName: target.name},
			status: {...pod.status, conditions: setCondition(pod.status?.conditions, {type: 'PodScheduled', status: 'True'}, ctx.timestamp())},
		};
	},
};

// Stored objects are frozen, so one summary per object serves every column of its row, for the object's life.
const summaries = new WeakMap<Pod, ReturnType<typeof summarizePod>>();
function summary(pod: Pod) {
	let value = summaries.get(pod);
	if (!value) summaries.set(pod, (value = summarizePod(pod)));
	return value;
}

export const pods = {
	group: '', version: 'v1', kind: 'Pod', resource: 'pods', singular: 'pod', shortNames: ['po'],
	namespaced: true, generation: true,
	defaults(pod) {
		if (pod.spec) defaultPodSpec(pod.spec);
	},
	prepareForCreate(pod) {
		pod.status = pod.spec ? {phase: 'Pending', qosClass: qosClass(pod.spec)} : {phase: 'Pending'};
	},
	validate: pod => [...objectMetaErrors(pod.metadata, 'subdomain'), ...podSpecErrors(pod.spec, 'spec')],
	validateUpdate(pod, old) {
		if (mutableSpecView(pod.spec) !== mutableSpecView(old.spec)) {
			return [{type: 'Forbidden', field: 'spec', detail: 'pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)'}];
		}
		return [];
	},
	fieldSelectors: {
		'spec.nodeName': pod => pod.spec?.nodeName ?? '',
		'spec.schedulerName': pod => pod.spec?.schedulerName ?? '',
		'spec.restartPolicy': pod => pod.spec?.restartPolicy ?? '',
		'status.phase': pod => pod.status?.phase ?? '',
		'status.podIP': pod => pod.status?.podIP ?? '',
	},
	watchIndex: 'spec.nodeName',
	subresources: {status: statusSubresource, binding, eviction},
	columns: [
		{...nameColumn, min: 12},
		{name: 'READY', value: p => `${summary(p).ready}/${summary(p).total}`, drop: 1},
		{name: 'STATUS', value: p => summary(p).status, min: 8, reserve: 'ContainerCreating'.length},
		{name: 'RESTARTS', type: 'integer', value: p => String(summary(p).restarts), drop: 3},
		{...ageColumn, drop: 2},
		{name: 'IP', priority: 1, value: p => p.status?.podIP ?? '<none>', drop: 6, reserve: '10.244.10.10'.length},
		{name: 'NODE', priority: 1, value: p => p.spec?.nodeName ?? '<none>', min: 6, drop: 4, reserve: 10},
		{name: 'NOMINATED NODE', priority: 1, value: p => p.status?.nominatedNodeName ?? '<none>', drop: 7},
		{name: 'READINESS GATES', priority: 1, value: p => (p.spec?.readinessGates?.length ? `0/${p.spec.readinessGates.length}` : '<none>'), drop: 7},
	],
	describe: p => [
		['Priority', String(p.spec?.priority ?? 0)],
		['Service Account', p.spec?.serviceAccountName ?? ''],
		['Node', p.spec?.nodeName ? `${p.spec.nodeName}/${p.status?.hostIP ?? ''}` : '<none>'],
		['Status', p.metadata?.deletionTimestamp ? 'Terminating' : p.status?.phase ?? ''],
		...(p.status?.reason ? [['Reason', p.status.reason] as [string, string]] : []),
		...(p.status?.message ? [['Message', p.status.message] as [string, string]] : []),
		['IP', p.status?.podIP ?? ''],
		...initContainerSection(p),
		{title: 'Containers', lines: containerLines(p.spec?.containers ?? [], p.status?.containerStatuses)},
		{title: 'Conditions', table: {headers: ['Type', 'Status'], rows: (p.status?.conditions ?? []).map(c => [c.type, c.status])}},
		['QoS Class', p.status?.qosClass ?? ''],
		['Node-Selectors', formatLabels(p.spec?.nodeSelector) || '<none>'],
		['Tolerations', (p.spec?.tolerations ?? []).map(t => `${t.key ?? ''}${t.operator === 'Exists' ? '' : `=${t.value ?? ''}`}:${t.effect ?? ''}${t.tolerationSeconds !== undefined ? ` op=${t.operator} for ${t.tolerationSeconds}s` : ''}`).join('\n') || '<none>'],
	],
	gracePeriod(pod, {requested}) {
		// An unscheduled or finished pod has nothing to stop: it goes at once.
		if (!pod.spec?.nodeName) return 0;
		if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
		return requested ?? pod.spec.terminationGracePeriodSeconds ?? 30;
	},
} satisfies ResourceDescriptor<Pod>;
