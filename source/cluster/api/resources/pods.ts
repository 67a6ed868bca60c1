import type {Pod, PodSpec} from '../../objects/types.js';
import type {ResourceType} from '../resource.js';
import {objectMetaErrors} from '../validation.js';
import {defaultPodSpec, podSpecErrors} from './pod-spec.js';

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

export const pods = {
	group: '', version: 'v1', kind: 'Pod', resource: 'pods', singular: 'pod', shortNames: ['po'],
	namespaced: true, hasStatus: true, hasSpec: true,
	defaults(pod) {
		if (!pod.spec) return;
		defaultPodSpec(pod.spec, {admission: true});
		pod.status = {phase: 'Pending', qosClass: qosClass(pod.spec), ...(pod.status ?? {})};
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
	gracePeriod(pod, {requested}) {
		// An unscheduled or finished pod has nothing to stop: it goes at once.
		if (!pod.spec?.nodeName) return 0;
		if (pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed') return 0;
		return requested ?? pod.spec.terminationGracePeriodSeconds ?? 30;
	},
} satisfies ResourceType<Pod>;
