// ServiceAccount (pkg/registry/core/serviceaccount): the identity pods run as. The serviceaccounts controller
// keeps a `default` one in every namespace; the ServiceAccount admission plugin gives it to pods.
import type {ServiceAccount} from '../../objects/types.js';
import type {ResourceDescriptor} from '../resource.js';
import {objectMetaErrors} from '../validation.js';
import {ageColumn, nameColumn} from './columns.js';

const names = (refs: Array<{name?: string}> | undefined) => (refs ?? []).map(r => r.name ?? '').join(', ') || '<none>';

export const serviceaccounts = {
	group: '', version: 'v1', kind: 'ServiceAccount', resource: 'serviceaccounts', singular: 'serviceaccount', shortNames: ['sa'],
	namespaced: true, generation: false,
	validate: sa => objectMetaErrors(sa.metadata, 'subdomain'),
	columns: [
		nameColumn,
		{name: 'SECRETS', type: 'integer', value: sa => String(sa.secrets?.length ?? 0)},
		ageColumn,
	],
	describe: sa => [
		['Image pull secrets', names(sa.imagePullSecrets)],
		['Mountable secrets', names(sa.secrets)],
		['Tokens', '<none>'],
	],
} satisfies ResourceDescriptor<ServiceAccount>;
