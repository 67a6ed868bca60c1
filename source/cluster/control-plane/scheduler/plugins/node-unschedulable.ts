import type {FilterPlugin} from '../framework.js';
import {tolerates} from './taint-toleration.js';

export const reasonUnschedulable = 'node(s) were unschedulable';

const none: string[] = [];
const failed = [reasonUnschedulable];
const unschedulableTaint = {key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule'};

/** A cordoned node takes only pods that tolerate node.kubernetes.io/unschedulable:NoSchedule. */
export const nodeUnschedulable = {
	name: 'NodeUnschedulable',
	filter({pod}, {node}) {
		if (!node.spec?.unschedulable) return none;
		return tolerates(pod.spec?.tolerations, unschedulableTaint) ? none : failed;
	},
} satisfies FilterPlugin;
