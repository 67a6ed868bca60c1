// NamespaceLifecycle (plugin/pkg/admission/namespace/lifecycle): nothing new in a namespace that does not exist
// or is being terminated; the namespaces every cluster needs cannot be deleted.
import {forbidden, notFound} from '../errors.js';
import type {AdmissionPlugin} from './types.js';

const immortal = new Set(['default', 'kube-system', 'kube-public']);

export const namespaceLifecycle: AdmissionPlugin = {
	name: 'NamespaceLifecycle',
	validate(attrs, cluster) {
		const {type, operation} = attrs;
		if (type.resource === 'namespaces' && operation === 'DELETE' && immortal.has(attrs.name)) {
			throw forbidden(type, attrs.name, 'this namespace may not be deleted');
		}
		if (!type.namespaced || operation !== 'CREATE' || attrs.subresource) return;
		const namespace = attrs.namespace!;
		const ns = cluster.get('namespaces', namespace);
		if (!ns) throw notFound({group: '', resource: 'namespaces'}, namespace);
		// Events may still be written about a namespace's last objects while it goes, as upstream allows.
		if (ns.metadata?.deletionTimestamp && type.resource !== 'events') {
			throw forbidden(type, attrs.name, `unable to create new content in namespace ${namespace} because it is being terminated`);
		}
	},
};
