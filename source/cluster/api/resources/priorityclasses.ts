// PriorityClass (scheduling.k8s.io/v1; pkg/apis/scheduling/validation, pkg/registry/scheduling/priorityclass).
// The two system classes are created by the apiserver at start and cannot be deleted; like every class, their
// value and preemptionPolicy are fixed once created.
import type {PriorityClass} from '../../objects/types.js';
import type {ResourceDescriptor} from '../resource.js';
import type {FieldError} from '../errors.js';
import {forbidden} from '../errors.js';
import {objectMetaErrors} from '../validation.js';
import {ageColumn, nameColumn} from './columns.js';

/** scheduling.HighestUserDefinablePriority; the system classes sit above it (SystemCriticalPriority = 2x). */
export const highestUserDefinablePriority = 1_000_000_000;
const systemCriticalPriority = 2 * highestUserDefinablePriority;

/** pkg/apis/scheduling/v1 SystemPriorityClasses, created by the bootstrap-system-priority-classes hook. */
export const systemPriorityClasses: readonly PriorityClass[] = [
	{apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: {name: 'system-node-critical'}, value: systemCriticalPriority + 1000,
		description: 'Used for system critical pods that must not be moved from their current node.'},
	{apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: {name: 'system-cluster-critical'}, value: systemCriticalPriority,
		description: 'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.'},
];

/** IsKnownSystemPriorityClass: why a `system-` class is not one of the system classes, or undefined. */
function systemClassError(pc: PriorityClass): string | undefined {
	const name = pc.metadata?.name;
	const known = systemPriorityClasses.find(s => s.metadata!.name === name);
	if (!known) return `${name} is not a known system priority class`;
	if (known.value !== pc.value) return `value of ${name} PriorityClass must be ${known.value}`;
	if ((known.globalDefault ?? false) !== (pc.globalDefault ?? false)) return `globalDefault of ${name} PriorityClass must be ${known.globalDefault ?? false}`;
	return undefined;
}

const preemptionPolicies = ['PreemptLowerPriority', 'Never'];

export const priorityclasses = {
	group: 'scheduling.k8s.io', version: 'v1', kind: 'PriorityClass', resource: 'priorityclasses', singular: 'priorityclass', shortNames: ['pc'],
	// PrepareForCreate sets generation 1; there is no spec, so it never moves.
	namespaced: false, generation: true,
	defaults(pc) {
		pc.preemptionPolicy ??= 'PreemptLowerPriority';
	},
	validate(pc, old) {
		// ValidatePriorityClassUpdate does not repeat these: an update checks only what it may not change.
		if (old) return [];
		const errors: FieldError[] = objectMetaErrors(pc.metadata, 'subdomain');
		if (typeof pc.value !== 'number' || !Number.isInteger(pc.value)) errors.push({type: 'Invalid', field: 'value', value: pc.value, detail: 'must be an integer'});
		const name = pc.metadata?.name ?? '';
		const systemError = name.startsWith('system-') ? systemClassError(pc) : undefined;
		if (systemError) {
			errors.push({type: 'Forbidden', field: 'metadata.name', detail: `priority class names with 'system-' prefix are reserved for system use only. error: ${systemError}`});
		} else if (!name.startsWith('system-') && pc.value > highestUserDefinablePriority) {
			errors.push({type: 'Forbidden', field: 'value', detail: `maximum allowed value of a user defined priority is ${highestUserDefinablePriority}`});
		}
		if (pc.preemptionPolicy === '') errors.push({type: 'Required', field: 'preemptionPolicy'});
		else if (pc.preemptionPolicy && !preemptionPolicies.includes(pc.preemptionPolicy)) {
			errors.push({type: 'NotSupported', field: 'preemptionPolicy', value: pc.preemptionPolicy, supported: preemptionPolicies});
		}
		return errors;
	},
	validateUpdate(pc, old) {
		const errors: FieldError[] = [];
		if (pc.value !== old.value) errors.push({type: 'Forbidden', field: 'value', detail: 'may not be changed in an update.'});
		if (pc.preemptionPolicy !== old.preemptionPolicy) errors.push({type: 'Invalid', field: 'preemptionPolicy', value: pc.preemptionPolicy, detail: 'field is immutable'});
		return errors;
	},
	refuseDelete(pc) {
		const name = pc.metadata?.name ?? '';
		if (systemPriorityClasses.some(s => s.metadata!.name === name)) {
			return forbidden({group: 'scheduling.k8s.io', resource: 'priorityclasses'}, name, 'this is a system priority class and cannot be deleted');
		}
		return undefined;
	},
	columns: [
		nameColumn,
		{name: 'VALUE', type: 'integer', value: pc => String(pc.value ?? 0)},
		{name: 'GLOBAL-DEFAULT', value: pc => String(pc.globalDefault ?? false), drop: 2},
		ageColumn,
		{name: 'PREEMPTIONPOLICY', value: pc => pc.preemptionPolicy ?? '', drop: 3},
	],
	describe: pc => [
		['Value', String(pc.value ?? 0)],
		['GlobalDefault', String(pc.globalDefault ?? false)],
		['PreemptionPolicy', pc.preemptionPolicy ?? ''],
		['Description', pc.description ?? ''],
	],
} satisfies ResourceDescriptor<PriorityClass>;
