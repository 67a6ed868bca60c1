import type {Namespace} from '../../objects/types.js';
import {statusSubresource, type ResourceDescriptor, type Subresource} from '../resource.js';
import {objectMetaErrors} from '../validation.js';
import {ageColumn, nameColumn} from './columns.js';

/**
 * namespaces/finalize (FinalizeREST): the namespace controller removes its `kubernetes` finalizer here once the
 * namespace is empty; the server deletes a terminating namespace when its last finalizer goes.
 */
const finalize: Subresource<Namespace, {spec?: {finalizers?: string[]}}> = {
	verb: 'update',
	write: (ns, body) => ({...ns, spec: {...ns.spec, finalizers: [...(body.spec?.finalizers ?? [])]}}),
};

export const namespaces = {
	group: '', version: 'v1', kind: 'Namespace', resource: 'namespaces', singular: 'namespace', shortNames: ['ns'],
	namespaced: false, generation: false,
	defaults(ns) {
		// The NamespaceDefaultLabelName feature: every namespace carries its own name as a label.
		ns.metadata ??= {};
		ns.metadata.labels = {...(ns.metadata.labels ?? {}), 'kubernetes.io/metadata.name': ns.metadata.name ?? ''};
	},
	prepareForCreate(ns) {
		ns.status = {phase: 'Active'};
		// Every namespace is held by the `kubernetes` finalizer until the namespace controller has emptied it.
		const finalizers = ns.spec?.finalizers ?? [];
		ns.spec = {...ns.spec, finalizers: finalizers.includes('kubernetes') ? finalizers : [...finalizers, 'kubernetes']};
	},
	prepareForUpdate(ns, old) {
		// spec.finalizers changes only through namespaces/finalize.
		ns.spec = {...ns.spec, finalizers: old.spec?.finalizers};
		if (ns.spec.finalizers === undefined) delete ns.spec.finalizers;
	},
	validate: ns => objectMetaErrors(ns.metadata, 'label'),
	finalizers: ns => ns.spec?.finalizers ?? [],
	markDeleting(ns) {
		ns.status = {...ns.status, phase: 'Terminating'};
	},
	fieldSelectors: {'status.phase': ns => ns.status?.phase ?? ''},
	subresources: {status: statusSubresource, finalize},
	columns: [nameColumn, {name: 'STATUS', value: ns => ns.status?.phase ?? ''}, ageColumn],
	describe: ns => [
		['Status', ns.status?.phase ?? ''],
		...(ns.status?.conditions?.length
			? [{title: 'Conditions', lines: ns.status.conditions.map(c => `${c.type}  ${c.status}  ${c.lastTransitionTime ?? ''}  ${c.reason ?? ''}  ${c.message ?? ''}`)}]
			: []),
	],
} satisfies ResourceDescriptor<Namespace>;
