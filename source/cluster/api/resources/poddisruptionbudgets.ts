// PodDisruptionBudget (policy/v1, pkg/registry/policy/poddisruptionbudget): how many of a set of pods must stay up
// through voluntary disruptions. The disruption controller writes its status; pods/eviction reads and spends it.
import type {PodDisruptionBudget} from '../../objects/types.js';
import {statusSubresource, type ResourceDescriptor} from '../resource.js';
import type {FieldError} from '../errors.js';
import {objectMetaErrors} from '../validation.js';
import {intOrPercentErrors} from './deployments.js';
import {formatSelector} from './selector-text.js';
import {ageColumn, nameColumn} from './columns.js';

const orNA = (value: number | string | undefined) => (value === undefined ? 'N/A' : String(value));

export const poddisruptionbudgets = {
	group: 'policy', version: 'v1', kind: 'PodDisruptionBudget', resource: 'poddisruptionbudgets', singular: 'poddisruptionbudget', shortNames: ['pdb'],
	namespaced: true, generation: true,
	prepareForCreate(pdb) {
		pdb.status = {currentHealthy: 0, desiredHealthy: 0, disruptionsAllowed: 0, expectedPods: 0};
	},
	validate(pdb) {
		const errors: FieldError[] = objectMetaErrors(pdb.metadata, 'subdomain');
		const spec = pdb.spec ?? {};
		if (spec.minAvailable !== undefined && spec.maxUnavailable !== undefined) {
			errors.push({type: 'Invalid', field: 'spec', value: spec, detail: 'minAvailable and maxUnavailable cannot be both set'});
		}
		errors.push(...intOrPercentErrors(spec.minAvailable, 'spec.minAvailable'), ...intOrPercentErrors(spec.maxUnavailable, 'spec.maxUnavailable'));
		const policy = spec.unhealthyPodEvictionPolicy;
		if (policy !== undefined && policy !== 'IfHealthyBudget' && policy !== 'AlwaysAllow') {
			errors.push({type: 'NotSupported', field: 'spec.unhealthyPodEvictionPolicy', value: policy, supported: ['AlwaysAllow', 'IfHealthyBudget']});
		}
		return errors;
	},
	subresources: {status: statusSubresource},
	columns: [
		nameColumn,
		{name: 'MIN AVAILABLE', value: p => orNA(p.spec?.minAvailable), drop: 3},
		{name: 'MAX UNAVAILABLE', value: p => orNA(p.spec?.maxUnavailable), drop: 3},
		{name: 'ALLOWED DISRUPTIONS', type: 'integer', value: p => String(p.status?.disruptionsAllowed ?? 0), drop: 2},
		ageColumn,
	],
	describe: p => [
		...(p.spec?.minAvailable !== undefined ? [['Min available', String(p.spec.minAvailable)] as [string, string]] : []),
		...(p.spec?.maxUnavailable !== undefined ? [['Max unavailable', String(p.spec.maxUnavailable)] as [string, string]] : []),
		['Selector', formatSelector(p.spec?.selector) || '<unset>'],
		{title: 'Status', lines: [
			`Allowed disruptions:  ${p.status?.disruptionsAllowed ?? 0}`,
			`Current:              ${p.status?.currentHealthy ?? 0}`,
			`Desired:              ${p.status?.desiredHealthy ?? 0}`,
			`Total:                ${p.status?.expectedPods ?? 0}`,
		]},
	],
} satisfies ResourceDescriptor<PodDisruptionBudget>;
