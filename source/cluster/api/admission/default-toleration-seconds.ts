// DefaultTolerationSeconds (plugin/pkg/admission/defaulttolerationseconds): every new pod tolerates the
// not-ready and unreachable NoExecute taints for 300 s, so a node that goes silent has its pods evicted after
// about five minutes, unless the pod says otherwise.
import type {Pod, Toleration} from '../../objects/types.js';
import type {AdmissionPlugin} from './types.js';

export const defaultTolerationSeconds = 300;

const defaults: Toleration[] = [
	{key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: defaultTolerationSeconds},
	{key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: defaultTolerationSeconds},
];

export const defaultTolerationSecondsPlugin: AdmissionPlugin = {
	name: 'DefaultTolerationSeconds',
	admit(attrs) {
		if (attrs.type.resource !== 'pods' || attrs.operation !== 'CREATE' || attrs.subresource) return;
		const pod = attrs.object as Pod;
		if (!pod.spec) return;
		const tolerations = [...(pod.spec.tolerations ?? [])];
		for (const t of defaults) {
			// A toleration of the same key for NoExecute (or every effect) is the pod's own choice.
			if (!tolerations.some(x => (x.key === t.key || (!x.key && x.operator === 'Exists')) && (x.effect === t.effect || !x.effect))) tolerations.push(t);
		}
		pod.spec.tolerations = tolerations;
	},
};
