// ResourceQuota (v1, `quota`): hard limits on what a namespace may use; the ResourceQuota admission plugin refuses
// what would go over, the quota controller keeps status.used. Validation as ValidateResourceQuota.
import type {ResourceQuota} from '../../objects/types.js';
import {statusSubresource, type ResourceDescriptor} from '../resource.js';
import type {FieldError} from '../errors.js';
import {objectMetaErrors, quantityErrors} from '../validation.js';
import {ageColumn, nameColumn} from './columns.js';

const scopes = ['Terminating', 'NotTerminating', 'BestEffort', 'NotBestEffort', 'PriorityClass', 'CrossNamespacePodAffinity'];

/** kubectl's REQUEST and LIMIT columns: `name: used/hard`, limits.* apart from the rest, sorted. */
function usageColumn(quota: ResourceQuota, limits: boolean): string {
	const hard = quota.status?.hard ?? quota.spec?.hard ?? {};
	const used = quota.status?.used ?? {};
	return Object.keys(hard).filter(k => k.startsWith('limits.') === limits).sort()
		.map(k => `${k}: ${used[k] ?? 0}/${hard[k]}`).join(', ');
}

export const resourcequotas = {
	group: '', version: 'v1', kind: 'ResourceQuota', resource: 'resourcequotas', singular: 'resourcequota', shortNames: ['quota'],
	namespaced: true, generation: true,
	prepareForCreate(quota) {
		quota.status = {};
	},
	validate(quota) {
		const errors: FieldError[] = objectMetaErrors(quota.metadata, 'subdomain');
		errors.push(...quantityErrors(quota.spec?.hard as Record<string, unknown> | undefined, 'spec.hard'));
		(quota.spec?.scopes ?? []).forEach((scope, i) => {
			if (!scopes.includes(scope)) errors.push({type: 'NotSupported', field: `spec.scopes[${i}]`, value: scope, supported: scopes});
		});
		const chosen = new Set(quota.spec?.scopes ?? []);
		if ((chosen.has('BestEffort') && chosen.has('NotBestEffort')) || (chosen.has('Terminating') && chosen.has('NotTerminating'))) {
			errors.push({type: 'Invalid', field: 'spec.scopes', value: quota.spec?.scopes, detail: 'conflicting scopes'});
		}
		return errors;
	},
	subresources: {status: statusSubresource},
	columns: [
		nameColumn, ageColumn,
		{name: 'REQUEST', value: q => usageColumn(q, false), cut: true, min: 10},
		{name: 'LIMIT', value: q => usageColumn(q, true), cut: true, min: 10},
	],
	describe: q => [
		['Scopes', (q.spec?.scopes ?? []).join(', ') || '<none>'],
		{title: 'Resource', table: {
			headers: ['Resource', 'Used', 'Hard'],
			rows: Object.keys(q.spec?.hard ?? {}).sort().map(k => [k, String(q.status?.used?.[k] ?? 0), String(q.spec?.hard?.[k])]),
		}},
	],
} satisfies ResourceDescriptor<ResourceQuota>;
