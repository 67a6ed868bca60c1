import type {Node} from '../../objects/types.js';
import type {ResourceType} from '../resource.js';
import {objectMetaErrors, quantityErrors} from '../validation.js';

export const nodes = {
	group: '', version: 'v1', kind: 'Node', resource: 'nodes', singular: 'node', shortNames: ['no'],
	namespaced: false, hasStatus: true, hasSpec: false,
	defaults(node) {
		node.spec ??= {};
		node.status ??= {};
	},
	validate(node) {
		const errors = objectMetaErrors(node.metadata, 'subdomain');
		errors.push(...quantityErrors(node.status?.capacity as Record<string, unknown>, 'status.capacity'));
		errors.push(...quantityErrors(node.status?.allocatable as Record<string, unknown>, 'status.allocatable'));
		for (const [i, taint] of (node.spec?.taints ?? []).entries()) {
			if (!taint.key) errors.push({type: 'Required', field: `spec.taints[${i}].key`});
			if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(taint.effect)) {
				errors.push({type: 'NotSupported', field: `spec.taints[${i}].effect`, value: taint.effect, supported: ['NoExecute', 'NoSchedule', 'PreferNoSchedule']});
			}
		}
		return errors;
	},
	fieldSelectors: {'spec.unschedulable': node => String(node.spec?.unschedulable ?? false)},
} satisfies ResourceType<Node>;
