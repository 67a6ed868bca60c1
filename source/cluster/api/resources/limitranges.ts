// LimitRange (v1, `limits`): per-namespace defaults and bounds for containers and pods, enforced by the LimitRanger
// admission plugin. Defaulting and validation as pkg/apis/core/v1/defaults.go and ValidateLimitRange.
import type {LimitRange} from '../../objects/types.js';
import type {ResourceDescriptor} from '../resource.js';
import type {FieldError} from '../errors.js';
import {objectMetaErrors, quantityErrors} from '../validation.js';
import {parseQuantity} from '../../objects/quantity.js';
import {nameColumn} from './columns.js';

const limitTypes = ['Container', 'Pod', 'PersistentVolumeClaim'];

export const limitranges = {
	group: '', version: 'v1', kind: 'LimitRange', resource: 'limitranges', singular: 'limitrange', shortNames: ['limits'],
	namespaced: true, generation: false,
	defaults(lr) {
		// SetDefaults_LimitRangeItem: for containers, a max is the default limit, a default limit the default request,
		// and a min the default request when none is given.
		for (const item of lr.spec?.limits ?? []) {
			if (item.type !== 'Container') continue;
			const defaults = {...(item.max ?? {}), ...(item.default ?? {})};
			const requests = {...(item.min ?? {}), ...defaults, ...(item.defaultRequest ?? {})};
			if (Object.keys(defaults).length) item.default = defaults;
			if (Object.keys(requests).length) item.defaultRequest = requests;
		}
	},
	validate(lr) {
		const errors: FieldError[] = objectMetaErrors(lr.metadata, 'subdomain');
		(lr.spec?.limits ?? []).forEach((item, i) => {
			const path = `spec.limits[${i}]`;
			if (!limitTypes.includes(item.type)) errors.push({type: 'NotSupported', field: `${path}.type`, value: item.type, supported: limitTypes});
			for (const part of ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'] as const) {
				errors.push(...quantityErrors(item[part] as Record<string, unknown> | undefined, `${path}.${part}`));
			}
			if (item.type === 'Pod' && (item.default || item.defaultRequest)) {
				errors.push({type: 'Forbidden', field: `${path}.${item.default ? 'default' : 'defaultRequest'}`, detail: 'may not be specified when `type` is \'Pod\''});
			}
			const value = (part: 'max' | 'min' | 'default' | 'defaultRequest', k: string) => {
				const text = item[part]?.[k];
				return text === undefined ? undefined : {text: String(text), n: parseQuantity(text)!};
			};
			const keys = new Set([...Object.keys(item.max ?? {}), ...Object.keys(item.min ?? {}), ...Object.keys(item.default ?? {}), ...Object.keys(item.defaultRequest ?? {})]);
			for (const k of keys) {
				const max = value('max', k), min = value('min', k), def = value('default', k), req = value('defaultRequest', k);
				const field = `${path}.max[${k}]`;
				// ValidateLimitRange's order and messages.
				if (min && max && min.n > max.n) errors.push({type: 'Invalid', field: `${path}.min[${k}]`, value: min.text, detail: `min value ${min.text} is greater than max value ${max.text}`});
				if (req && min && min.n > req.n) errors.push({type: 'Invalid', field: `${path}.defaultRequest[${k}]`, value: req.text, detail: `min value ${min.text} is greater than default request value ${req.text}`});
				if (req && max && req.n > max.n) errors.push({type: 'Invalid', field: `${path}.defaultRequest[${k}]`, value: req.text, detail: `default request value ${req.text} is greater than max value ${max.text}`});
				if (req && def && req.n > def.n) errors.push({type: 'Invalid', field: `${path}.defaultRequest[${k}]`, value: req.text, detail: `default request value ${req.text} is greater than default limit value ${def.text}`});
				if (def && min && min.n > def.n) errors.push({type: 'Invalid', field: `${path}.default[${k}]`, value: def.text, detail: `min value ${min.text} is greater than default value ${def.text}`});
				if (def && max && def.n > max.n) errors.push({type: 'Invalid', field, value: def.text, detail: `default value ${def.text} is greater than max value ${max.text}`});
			}
		});
		return errors;
	},
	columns: [nameColumn, {name: 'CREATED AT', value: lr => lr.metadata?.creationTimestamp ?? ''}],
	describe: lr => [{
		title: 'Type', table: {
			headers: ['Type', 'Resource', 'Min', 'Max', 'Default Request', 'Default Limit', 'Max Limit/Request Ratio'],
			rows: (lr.spec?.limits ?? []).flatMap(item => {
				const keys = [...new Set([...Object.keys(item.max ?? {}), ...Object.keys(item.min ?? {}), ...Object.keys(item.default ?? {}), ...Object.keys(item.defaultRequest ?? {}), ...Object.keys(item.maxLimitRequestRatio ?? {})])].sort();
				const cell = (part: keyof typeof item, k: string) => String((item[part] as Record<string, string> | undefined)?.[k] ?? '-');
				return keys.map(k => [item.type, k, cell('min', k), cell('max', k), cell('defaultRequest', k), cell('default', k), cell('maxLimitRequestRatio', k)]);
			}),
		},
	}],
} satisfies ResourceDescriptor<LimitRange>;
