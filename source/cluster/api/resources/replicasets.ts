import type {ReplicaSet} from '../../objects/types.js';
import {statusSubresource, type ResourceDescriptor} from '../resource.js';
import {objectMetaErrors} from '../validation.js';
import {defaultWorkload, workloadErrors, selectorImmutable, workloadScale} from './workload.js';
import {ageColumn, nameColumn, templateColumns} from './columns.js';

export const replicasets = {
	group: 'apps', version: 'v1', kind: 'ReplicaSet', resource: 'replicasets', singular: 'replicaset', shortNames: ['rs'],
	namespaced: true, generation: true,
	defaults(rs) {
		defaultWorkload(rs.spec);
		if (rs.spec) rs.spec.minReadySeconds ??= 0;
	},
	prepareForCreate(rs) {
		rs.status = {replicas: 0};
	},
	validate: rs => [...objectMetaErrors(rs.metadata, 'subdomain'), ...workloadErrors(rs.spec)],
	validateUpdate: (rs, old) => selectorImmutable(rs.spec?.selector, old.spec?.selector),
	subresources: {status: statusSubresource, scale: workloadScale<ReplicaSet>()},
	columns: [
		nameColumn,
		{name: 'DESIRED', type: 'integer', value: rs => String(rs.spec?.replicas ?? 0), drop: 3},
		{name: 'CURRENT', type: 'integer', value: rs => String(rs.status?.replicas ?? 0), drop: 4},
		{name: 'READY', type: 'integer', value: rs => String(rs.status?.readyReplicas ?? 0), drop: 2},
		ageColumn,
		...templateColumns<ReplicaSet>(),
	],
	describe: rs => [
		['Replicas', `${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired`],
		['Pods Status', `${rs.status?.readyReplicas ?? 0} Ready / ${rs.status?.availableReplicas ?? 0} Available`],
	],
} satisfies ResourceDescriptor<ReplicaSet>;
