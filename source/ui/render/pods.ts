// Pods: kubectl's columns (NAME READY STATUS RESTARTS AGE IP NODE; wide NOMINATED NODE, READINESS GATES), k9s's tones.
import {lookupResource, summarizePod, type Pod, type PodSummary, type ResourceDescriptor} from '../../cluster/index.js';
import {byNamespaceAndName, descriptorColumns, type ResourceRenderer, type Tone} from './types.js';

export type {PodSummary};

// Objects from the API are frozen, so a summary per object identity stays right for the object's life.
const summaries = new WeakMap<Pod, PodSummary>();

export function podSummary(pod: Pod): PodSummary {
	let summary = summaries.get(pod);
	if (!summary) {
		summary = summarizePod(pod);
		summaries.set(pod, summary);
	}
	return summary;
}

// kubectl's columns, with IP and NODE in the normal view as k9s shows them.
export const podColumns = descriptorColumns(lookupResource('pods') as ResourceDescriptor<Pod>, {promote: ['IP', 'NODE']});

/** k9s pod colorer: by the STATUS column, and a Running pod whose containers are not all ready is an error. */
export function podTone(pod: Pod): Tone {
	const {status, ready, total} = podSummary(pod);
	switch (status) {
		case 'Running': return ready < total ? 'error' : 'normal';
		case 'Pending':
		case 'ContainerCreating':
		case 'PodInitializing': return 'pending';
		case 'Completed': return 'completed';
		case 'Terminating': return 'terminating';
		default: return /^Init:\d+\/\d+$/.test(status) ? 'pending' : 'error';
	}
}

export const pods = {
	resource: 'pods',
	namespaced: true,
	columns: podColumns,
	tone: podTone,
	compare: byNamespaceAndName,
} satisfies ResourceRenderer<Pod>;
