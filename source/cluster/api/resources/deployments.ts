import type {Deployment} from '../../objects/types.js';
import {statusSubresource, type ResourceDescriptor} from '../resource.js';
import type {FieldError} from '../errors.js';
import {objectMetaErrors, nonNegative} from '../validation.js';
import {formatSelector} from './selector-text.js';
import {defaultWorkload, workloadErrors, selectorImmutable, workloadScale} from './workload.js';
import {ageColumn, nameColumn, templateColumns} from './columns.js';

/** An int-or-percent field must be a non-negative integer or a percentage like "25%". */
export function intOrPercentErrors(value: unknown, field: string): FieldError[] {
	if (value === undefined) return [];
	if (typeof value === 'number') return nonNegative(value, field);
	if (typeof value === 'string' && /^[0-9]+%$/.test(value)) {
		return Number(value.slice(0, -1)) > 100 ? [{type: 'Invalid', field, value, detail: 'must not be greater than 100%'}] : [];
	}
	return [{type: 'Invalid', field, value, detail: "a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"}];
}

const isZero = (v: unknown) => v === 0 || v === '0%';

export const deployments = {
	group: 'apps', version: 'v1', kind: 'Deployment', resource: 'deployments', singular: 'deployment', shortNames: ['deploy', 'dp'],
	namespaced: true, generation: true,
	defaults(d) {
		if (!d.spec) return;
		defaultWorkload(d.spec);
		const spec = d.spec;
		spec.strategy ??= {type: 'RollingUpdate'};
		spec.strategy.type ??= 'RollingUpdate';
		if (spec.strategy.type === 'RollingUpdate') {
			spec.strategy.rollingUpdate = {maxUnavailable: '25%', maxSurge: '25%', ...(spec.strategy.rollingUpdate ?? {})};
		}
		spec.revisionHistoryLimit ??= 10;
		spec.progressDeadlineSeconds ??= 600;
		spec.minReadySeconds ??= 0;
	},
	prepareForCreate(d) {
		d.status = {};
	},
	validate(d) {
		const errors = [...objectMetaErrors(d.metadata, 'subdomain'), ...workloadErrors(d.spec)];
		const strategy = d.spec?.strategy;
		if (strategy?.type && !['Recreate', 'RollingUpdate'].includes(strategy.type)) {
			errors.push({type: 'NotSupported', field: 'spec.strategy.type', value: strategy.type, supported: ['Recreate', 'RollingUpdate']});
		}
		if (strategy?.type === 'Recreate' && strategy.rollingUpdate) {
			errors.push({type: 'Forbidden', field: 'spec.strategy.rollingUpdate', detail: 'may not be specified when strategy `type` is \'Recreate\''});
		}
		const rolling = strategy?.rollingUpdate;
		if (rolling) {
			errors.push(...intOrPercentErrors(rolling.maxSurge, 'spec.strategy.rollingUpdate.maxSurge'));
			errors.push(...intOrPercentErrors(rolling.maxUnavailable, 'spec.strategy.rollingUpdate.maxUnavailable'));
			if (isZero(rolling.maxSurge) && isZero(rolling.maxUnavailable)) {
				errors.push({type: 'Invalid', field: 'spec.strategy.rollingUpdate.maxUnavailable', value: rolling.maxUnavailable, detail: 'may not be 0 when `maxSurge` is 0'});
			}
		}
		errors.push(...nonNegative(d.spec?.revisionHistoryLimit, 'spec.revisionHistoryLimit'));
		return errors;
	},
	validateUpdate: (d, old) => selectorImmutable(d.spec?.selector, old.spec?.selector),
	subresources: {status: statusSubresource, scale: workloadScale<Deployment>()},
	columns: [
		nameColumn,
		// kubectl's READY: ready pods of the desired count.
		{name: 'READY', value: d => `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`},
		{name: 'UP-TO-DATE', type: 'integer', value: d => String(d.status?.updatedReplicas ?? 0), drop: 2},
		{name: 'AVAILABLE', type: 'integer', value: d => String(d.status?.availableReplicas ?? 0), drop: 4},
		ageColumn,
		...templateColumns<Deployment>(),
	],
	describe: d => [
		['Selector', formatSelector(d.spec?.selector)],
		['Replicas', `${d.spec?.replicas ?? 0} desired | ${d.status?.updatedReplicas ?? 0} updated | ${d.status?.replicas ?? 0} total | ${d.status?.availableReplicas ?? 0} available | ${d.status?.unavailableReplicas ?? 0} unavailable`],
		['StrategyType', d.spec?.strategy?.type ?? ''],
		['MinReadySeconds', String(d.spec?.minReadySeconds ?? 0)],
		...(d.spec?.strategy?.rollingUpdate ? [['RollingUpdateStrategy', `${d.spec.strategy.rollingUpdate.maxUnavailable} max unavailable, ${d.spec.strategy.rollingUpdate.maxSurge} max surge`] as [string, string]] : []),
		{title: 'Conditions', table: {headers: ['Type', 'Status', 'Reason'], rows: (d.status?.conditions ?? []).map(c => [c.type, c.status, c.reason ?? ''])}},
	],
} satisfies ResourceDescriptor<Deployment>;
