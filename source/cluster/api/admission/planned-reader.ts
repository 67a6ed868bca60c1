// The store as it will be once a batch's earlier objects are created: what an all-or-nothing apply admits each
// document against (a Namespace before the Deployment that lives in it).
import type {KubeObject} from '../../objects/types.js';
import {apiVersionOf, type ResourceDescriptor} from '../resource.js';
import type {AdmissionReader} from './types.js';

export function withPlanned(reader: AdmissionReader, planned: readonly KubeObject[], typeOf: (resource: string) => ResourceDescriptor): AdmissionReader {
	const matches = (obj: KubeObject, type: ResourceDescriptor, namespace?: string) =>
		obj.kind === type.kind && obj.apiVersion === apiVersionOf(type) && (!type.namespaced || !namespace || (obj.metadata?.namespace ?? 'default') === namespace);
	return {
		...reader,
		get: (resource, name, namespace) => {
			const type = typeOf(resource);
			return planned.find(obj => matches(obj, type, namespace) && obj.metadata?.name === name) ?? reader.get(resource, name, namespace);
		},
		list: (resource, namespace) => {
			const type = typeOf(resource);
			return [...reader.list(resource, namespace), ...planned.filter(obj => matches(obj, type, namespace))];
		},
	};
}
