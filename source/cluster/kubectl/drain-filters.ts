// kubectl drain's pod filters (k8s.io/kubectl/pkg/drain/filters.go), in its order: which pods of the node are
// evicted, which are skipped with a warning, and which stop the drain with an error until a flag allows them.
import type {Pod} from '../objects/types.js';

export interface DrainFlags {
	ignoreDaemonSets: boolean;
	deleteEmptyDirData: boolean;
	force: boolean;
}

type Verdict = {delete: true; warning?: string} | {delete: false; warning?: string; error?: string};

const terminal = (pod: Pod) => pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
const controllerOf = (pod: Pod) => pod.metadata?.ownerReferences?.find(r => r.controller);

const filters: Array<(pod: Pod, flags: DrainFlags) => Verdict | undefined> = [
	// daemonSetFilter: its controller would put it straight back.
	(pod, flags) => {
		if (terminal(pod) || controllerOf(pod)?.kind !== 'DaemonSet') return undefined;
		return flags.ignoreDaemonSets ? {delete: false, warning: 'ignoring DaemonSet-managed Pods'} : {delete: false, error: 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)'};
	},
	// mirrorPodFilter: a static pod's mirror cannot be deleted through the API.
	pod => (pod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined ? {delete: false} : undefined),
	// localStorageFilter: emptyDir data goes with the pod.
	(pod, flags) => {
		if (terminal(pod) || !(pod.spec?.volumes ?? []).some(v => v.emptyDir)) return undefined;
		return flags.deleteEmptyDirData ? {delete: true, warning: 'deleting Pods with local storage'} : {delete: false, error: 'Pods with local storage (use --delete-emptydir-data to override)'};
	},
	// unreplicatedFilter: nothing would make a replacement.
	(pod, flags) => {
		if (terminal(pod) || controllerOf(pod)) return undefined;
		return flags.force ? {delete: true, warning: 'deleting Pods that declare no controller'} : {delete: false, error: 'Pods that declare no controller (use --force to override)'};
	},
];

export interface PodsForDeletion {
	pods: Pod[];
	warnings: string[];
	errors: string[];
}

/** GetPodsForDeletion: the pods to evict, the warnings, and the errors (`cannot delete MSG: ns/a, ns/b`). */
export function podsForDeletion(pods: readonly Pod[], flags: DrainFlags): PodsForDeletion {
	const keep: Pod[] = [];
	const warnings = new Map<string, string[]>();
	const errors = new Map<string, string[]>();
	const add = (map: Map<string, string[]>, message: string, pod: Pod) => {
		const list = map.get(message) ?? [];
		list.push(`${pod.metadata!.namespace}/${pod.metadata!.name}`);
		map.set(message, list);
	};
	for (const pod of pods) {
		let verdict: Verdict = {delete: true};
		for (const filter of filters) {
			const v = filter(pod, flags);
			if (!v) continue;
			if (v.warning) add(warnings, v.warning, pod);
			if (!v.delete) {
				verdict = v;
				break;
			}
		}
		if (!verdict.delete && 'error' in verdict && verdict.error) add(errors, verdict.error, pod);
		else if (verdict.delete) keep.push(pod);
	}
	const sorted = (map: Map<string, string[]>) => [...map].sort((a, b) => (a[0] < b[0] ? -1 : 1));
	return {
		pods: keep,
		warnings: sorted(warnings).map(([msg, names]) => `${msg}: ${names.join(', ')}`),
		errors: sorted(errors).map(([msg, names]) => `cannot delete ${msg}: ${names.join(', ')}`),
	};
}
