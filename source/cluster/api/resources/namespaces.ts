import type {Namespace} from '../../objects/types.js';
import {statusSubresource, type ResourceDescriptor} from '../resource.js';
import {objectMetaErrors} from '../validation.js';
import {ageColumn, nameColumn} from './columns.js';

export const namespaces = {
	group: '', version: 'v1', kind: 'Namespace', resource: 'namespaces', singular: 'namespace', shortNames: ['ns'],
	namespaced: false, generation: false,
	defaults(ns) {
		ns.spec = {finalizers: ['kubernetes'], ...(ns.spec ?? {})};
		ns.status = {phase: 'Active', ...(ns.status ?? {})};
		// The NamespaceDefaultLabelName feature: every namespace carries its own name as a label.
		ns.metadata ??= {};
		ns.metadata.labels = {...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name ?? ''};
	},
	validate: ns => objectMetaErrors(ns.metadata, 'label'),
	fieldSelectors: {'status.phase': ns => ns.status?.phase ?? ''},
	subresources: {status: statusSubresource},
	columns: [nameColumn, {name: 'STATUS', value: ns => ns.status?.phase ?? ''}, ageColumn],
	describe: ns => [['Status', ns.status?.phase ?? '']],
} satisfies ResourceDescriptor<Namespace>;
