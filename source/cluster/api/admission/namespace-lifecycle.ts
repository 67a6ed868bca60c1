// NamespaceLifecycle (k8s.io/apiserver/pkg/admission/plugin/namespace/lifecycle): nothing new in a namespace that
// does not exist or is being terminated; the namespaces every cluster needs cannot be deleted. Upstream this is a
// mutating-phase plugin (Admit), so it answers before ServiceAccount or Priority look at a new pod.
import {namespaceTerminatingCause} from '../../objects/types.js';
import {forbidden, notFound} from '../errors.js';
import {requestName, type AdmissionPlugin} from './types.js';

const immortal = new Set(['default', 'kube-system', 'kube-public']);

export const namespaceLifecycle: AdmissionPlugin = {
	name: 'NamespaceLifecycle',
	admit(attrs, cluster) {
		const {type, operation} = attrs;
		if (!type.namespaced || operation !== 'CREATE' || attrs.subresource) return;
		const namespace = attrs.namespace!;
		const ns = cluster.get('namespaces', namespace);
		if (!ns) throw notFound({group: '', resource: 'namespaces'}, namespace);
		// Events too: a kubelet's last events about pods of a terminating namespace are refused upstream as well.
		if ((ns.status as {phase?: string} | undefined)?.phase === 'Terminating') {
			const error = forbidden(type, requestName(attrs), `unable to create new content in namespace ${namespace} because it is being terminated`);
			// The cause controllers test for (v1.NamespaceTerminatingCause) to skip such namespaces quietly.
			error.status.details!.causes = [{reason: namespaceTerminatingCause, message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace'}];
			throw error;
		}
	},
	// The delete path runs the validating chain only; refusing here is the same answer at the same point.
	validate(attrs) {
		const {type, operation} = attrs;
		if (type.resource === 'namespaces' && operation === 'DELETE' && immortal.has(attrs.name)) {
			throw forbidden(type, attrs.name, 'this namespace may not be deleted');
		}
	},
};
