import type {ReplicaSet} from '../../objects/types.js';
import type {ResourceType} from '../resource.js';
import {objectMetaErrors} from '../validation.js';
import {defaultWorkload, workloadErrors, selectorImmutable, workloadScale} from './workload.js';

export const replicasets = {
	group: 'apps', version: 'v1', kind: 'ReplicaSet', resource: 'replicasets', singular: 'replicaset', shortNames: ['rs'],
	namespaced: true, hasStatus: true, hasSpec: true,
	defaults(rs) {
		defaultWorkload(rs.spec);
		if (rs.spec) rs.spec.minReadySeconds ??= 0;
		rs.status ??= {replicas: 0};
	},
	validate: rs => [...objectMetaErrors(rs.metadata, 'subdomain'), ...workloadErrors(rs.spec)],
	validateUpdate: (rs, old) => selectorImmutable(rs.spec?.selector, old.spec?.selector),
	scale: workloadScale<ReplicaSet>(),
} satisfies ResourceType<ReplicaSet>;
