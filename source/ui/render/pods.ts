// Pods (k9s render/pod.go): NAMESPACE NAME READY STATUS RESTARTS IP NODE AGE; wide: NOMINATED NODE, QOS, LABELS.
import {age, formatLabels, summarizePod, type Pod, type PodSummary} from '../../cluster/index.js';
import {byNamespaceAndName, type Column, type ResourceRenderer, type Tone} from './types.js';

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

/** Kubernetes QoS class, as the pod's status reports it. */
function qosClass(pod: Pod): string {
	return pod.status?.qosClass ?? 'BestEffort';
}

export const podColumns = [
	{title: 'NAMESPACE', value: p => p.metadata?.namespace ?? '', min: 6, drop: 5},
	{title: 'NAME', value: p => p.metadata?.name ?? '', min: 12},
	{title: 'READY', value: p => `${podSummary(p).ready}/${podSummary(p).total}`, align: 'right', drop: 1},
	{title: 'STATUS', value: p => podSummary(p).status, min: 8},
	{title: 'RESTARTS', value: p => `${podSummary(p).restarts}`, align: 'right', drop: 3},
	{title: 'IP', value: p => p.status?.podIP ?? 'n/a', drop: 6},
	{title: 'NODE', value: p => p.spec?.nodeName ?? 'n/a', min: 6, drop: 4},
	{title: 'AGE', value: (p, ctx) => age(p.metadata?.creationTimestamp, ctx.now), drop: 2},
	{title: 'NOMINATED NODE', value: p => p.status?.nominatedNodeName ?? '<none>', wide: true, drop: 7},
	{title: 'QOS', value: qosClass, wide: true, drop: 7},
	{title: 'LABELS', value: p => formatLabels(p.metadata?.labels), wide: true, min: 10, cut: true, drop: 7},
] satisfies Array<Column<Pod>>;

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
