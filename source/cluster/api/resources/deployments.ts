import type {Deployment} from '../../objects/types.js';
import type {ResourceType} from '../resource.js';
import type {FieldError} from '../errors.js';
import {objectMetaErrors, nonNegative} from '../validation.js';
import {defaultWorkload, workloadErrors, selectorImmutable, workloadScale} from './workload.js';

/** An int-or-percent field must be a non-negative integer or a percentage like "25%". */
function intOrPercentErrors(value: unknown, field: string): FieldError[] {
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
	namespaced: true, hasStatus: true, hasSpec: true,
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
		d.status ??= {};
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
	scale: workloadScale<Deployment>(),
} satisfies ResourceType<Deployment>;
