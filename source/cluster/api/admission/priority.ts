// Priority (plugin/pkg/admission/priority): a new pod's spec.priority and preemptionPolicy come from its
// PriorityClass, or from the global default class, or are 0 and PreemptLowerPriority; a pod may not pick its own
// number. PriorityClasses: at most one global default.
import type {Pod, PriorityClass} from '../../objects/types.js';
import {forbidden} from '../errors.js';
import {requestName, type AdmissionPlugin, type AdmissionReader} from './types.js';

/** getDefaultPriorityClass: the global default; after a race left two, the one with the lowest value. */
function defaultClass(cluster: AdmissionReader): PriorityClass | undefined {
	let found: PriorityClass | undefined;
	for (const pc of cluster.list('priorityclasses') as PriorityClass[]) {
		if (pc.globalDefault && (!found || found.value > pc.value)) found = pc;
	}
	return found;
}

export const priorityPlugin: AdmissionPlugin = {
	name: 'Priority',
	admit(attrs, cluster) {
		if (attrs.type.resource !== 'pods' || attrs.subresource) return;
		const pod = attrs.object as Pod;
		if (!pod.spec) return;
		if (attrs.operation === 'UPDATE') {
			// Set on create; an update that leaves them out keeps them (validation forbids changing them).
			const old = (attrs.oldObject as Pod | undefined)?.spec;
			if (pod.spec.priority === undefined && old?.priority !== undefined) pod.spec.priority = old.priority;
			if (pod.spec.preemptionPolicy === undefined && old?.preemptionPolicy !== undefined) pod.spec.preemptionPolicy = old.preemptionPolicy;
			return;
		}
		if (attrs.operation !== 'CREATE') return;
		let priority = 0;
		let preemptionPolicy: string | undefined = 'PreemptLowerPriority';
		if (!pod.spec.priorityClassName) {
			const pc = defaultClass(cluster);
			if (pc) {
				pod.spec.priorityClassName = pc.metadata?.name;
				priority = pc.value;
				preemptionPolicy = pc.preemptionPolicy;
			}
		} else {
			const pc = cluster.get('priorityclasses', pod.spec.priorityClassName) as PriorityClass | undefined;
			if (!pc) throw forbidden(attrs.type, requestName(attrs), `no PriorityClass with name ${pod.spec.priorityClassName} was found`);
			priority = pc.value;
			preemptionPolicy = pc.preemptionPolicy;
		}
		if (pod.spec.priority !== undefined && pod.spec.priority !== priority) {
			throw forbidden(attrs.type, requestName(attrs), `the integer value of priority (${pod.spec.priority}) must not be provided in pod spec; priority admission controller computed ${priority} from the given PriorityClass name`);
		}
		pod.spec.priority = priority;
		if (preemptionPolicy !== undefined) {
			if (pod.spec.preemptionPolicy !== undefined && pod.spec.preemptionPolicy !== preemptionPolicy) {
				throw forbidden(attrs.type, requestName(attrs), `the string value of PreemptionPolicy (${pod.spec.preemptionPolicy}) must not be provided in pod spec; priority admission controller computed ${preemptionPolicy} from the given PriorityClass name`);
			}
			pod.spec.preemptionPolicy = preemptionPolicy;
		}
	},
	validate(attrs, cluster) {
		if (attrs.type.resource !== 'priorityclasses' || attrs.subresource || (attrs.operation !== 'CREATE' && attrs.operation !== 'UPDATE')) return;
		const pc = attrs.object as PriorityClass;
		if (!pc.globalDefault) return;
		const current = defaultClass(cluster);
		// A second default, or another class becoming the default while one exists.
		if (current && (attrs.operation === 'CREATE' || current.metadata?.name !== pc.metadata?.name)) {
			throw forbidden(attrs.type, attrs.name, `PriorityClass ${current.metadata?.name} is already marked as default. Only one default can exist`);
		}
	},
};
