// Lease (coordination.k8s.io/v1, pkg/registry/coordination/lease): a holder and a renew time. Kubelets renew one
// per node in kube-node-lease every 10 s; the node lifecycle controller reads it as the node's heartbeat.
import type {Lease} from '../../objects/types.js';
import type {ResourceDescriptor} from '../resource.js';
import type {FieldError} from '../errors.js';
import {objectMetaErrors} from '../validation.js';
import {ageColumn, nameColumn} from './columns.js';

export const leases = {
	group: 'coordination.k8s.io', version: 'v1', kind: 'Lease', resource: 'leases', singular: 'lease', shortNames: [],
	namespaced: true, generation: false,
	validate(lease) {
		const errors: FieldError[] = objectMetaErrors(lease.metadata, 'subdomain');
		const duration = lease.spec?.leaseDurationSeconds;
		if (duration !== undefined && duration <= 0) errors.push({type: 'Invalid', field: 'spec.leaseDurationSeconds', value: duration, detail: 'must be greater than 0'});
		const transitions = lease.spec?.leaseTransitions;
		if (transitions !== undefined && transitions < 0) errors.push({type: 'Invalid', field: 'spec.leaseTransitions', value: transitions, detail: 'must be greater than or equal to 0'});
		return errors;
	},
	columns: [
		nameColumn,
		{name: 'HOLDER', value: l => l.spec?.holderIdentity ?? '', drop: 2},
		ageColumn,
	],
	describe: l => [
		['Holder Identity', l.spec?.holderIdentity ?? '<unset>'],
		['Lease Duration Seconds', l.spec?.leaseDurationSeconds === undefined ? '<unset>' : String(l.spec.leaseDurationSeconds)],
		['Acquire Time', l.spec?.acquireTime ?? '<unset>'],
		['Renew Time', l.spec?.renewTime ?? '<unset>'],
	],
} satisfies ResourceDescriptor<Lease>;
