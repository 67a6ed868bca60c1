import type {Namespace} from '../../objects/types.js';
import type {ResourceType} from '../resource.js';
import {objectMetaErrors} from '../validation.js';

export const namespaces = {
	group: '', version: 'v1', kind: 'Namespace', resource: 'namespaces', singular: 'namespace', shortNames: ['ns'],
	namespaced: false, hasStatus: true, hasSpec: false,
	defaults(ns) {
		ns.spec = {finalizers: ['kubernetes'], ...(ns.spec ?? {})};
		ns.status = {phase: 'Active', ...(ns.status ?? {})};
		// The NamespaceDefaultLabelName feature: every namespace carries its own name as a label.
		ns.metadata ??= {};
		ns.metadata.labels = {...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name ?? ''};
	},
	validate: ns => objectMetaErrors(ns.metadata, 'label'),
	fieldSelectors: {'status.phase': ns => ns.status?.phase ?? ''},
} satisfies ResourceType<Namespace>;
