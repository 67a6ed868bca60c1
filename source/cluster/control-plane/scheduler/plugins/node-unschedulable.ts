import type {FilterPlugin} from '../framework.js';
import {tolerates} from './taint-toleration.js';

export const reasonUnschedulable = 'node(s) were unschedulable';

/** A cordoned node takes only pods that tolerate node.kubernetes.io/unschedulable:NoSchedule. */
export const nodeUnschedulable = {
	name: 'NodeUnschedulable',
	filter({pod}, {node}) {
		if (!node.spec?.unschedulable) return [];
		const ok = tolerates(pod.spec?.tolerations, {key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule'});
		return ok ? [] : [reasonUnschedulable];
	},
} satisfies FilterPlugin;
