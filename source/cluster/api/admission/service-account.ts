// ServiceAccount (plugin/pkg/admission/serviceaccount): a new pod runs as `default` unless it names a
// ServiceAccount, which must exist; it gets the projected API token volume (kube-api-access-xxxxx) mounted in
// every container unless it or its ServiceAccount opts out, and the ServiceAccount's imagePullSecrets.
import type {Container, Pod, ServiceAccount, Volume} from '../../objects/types.js';
import {forbidden} from '../errors.js';
import {requestName, type AdmissionPlugin} from './types.js';

export const defaultServiceAccountName = 'default';
const volumePrefix = 'kube-api-access';
export const tokenMountPath = '/var/run/secrets/kubernetes.io/serviceaccount';

/** TokenVolumeSource: the bound token (1 h + 7 s), the cluster CA and the pod's namespace. */
function tokenVolume(name: string): Volume {
	return {
		name,
		projected: {
			defaultMode: 0o644,
			sources: [
				{serviceAccountToken: {expirationSeconds: 3607, path: 'token'}},
				{configMap: {name: 'kube-root-ca.crt', items: [{key: 'ca.crt', path: 'ca.crt'}]}},
				{downwardAPI: {items: [{path: 'namespace', fieldRef: {apiVersion: 'v1', fieldPath: 'metadata.namespace'}}]}},
			],
		},
	};
}

/** shouldAutomount: the pod's choice wins, then the ServiceAccount's, else true. */
const shouldAutomount = (sa: ServiceAccount, pod: Pod) => pod.spec?.automountServiceAccountToken ?? sa.automountServiceAccountToken ?? true;

/** mountServiceAccountToken: one volume, mounted read-only in every container that has nothing at the path yet. */
function mountToken(pod: Pod, randomString: (n: number) => string): void {
	const spec = pod.spec!;
	const existing = (spec.volumes ?? []).find(v => v.name.startsWith(`${volumePrefix}-`));
	const name = existing?.name ?? `${volumePrefix}-${randomString(5)}`;
	let needsVolume = false;
	const mount = (containers: Container[] | undefined) => {
		for (const c of containers ?? []) {
			if ((c.volumeMounts ?? []).some(m => m.mountPath === tokenMountPath)) continue;
			c.volumeMounts = [...(c.volumeMounts ?? []), {name, readOnly: true, mountPath: tokenMountPath}];
			needsVolume = true;
		}
	};
	mount(spec.initContainers);
	mount(spec.containers);
	if (!existing && needsVolume) spec.volumes = [...(spec.volumes ?? []), tokenVolume(name)];
}

export const serviceAccountPlugin: AdmissionPlugin = {
	name: 'ServiceAccount',
	admit(attrs, cluster) {
		if (attrs.type.resource !== 'pods' || attrs.operation !== 'CREATE' || attrs.subresource) return;
		const pod = attrs.object as Pod;
		if (!pod.spec) return;
		// Mirror pods (static pods a kubelet reports) are left as they are.
		if (pod.metadata?.annotations?.['kubernetes.io/config.mirror'] !== undefined) return;
		pod.spec.serviceAccountName ||= defaultServiceAccountName;
		const name = pod.spec.serviceAccountName;
		const sa = cluster.get('serviceaccounts', name, attrs.namespace) as ServiceAccount | undefined;
		if (!sa) {
			throw forbidden(attrs.type, requestName(attrs), `error looking up service account ${attrs.namespace}/${name}: serviceaccount "${name}" not found`);
		}
		if (shouldAutomount(sa, pod)) mountToken(pod, cluster.randomString);
		if (!pod.spec.imagePullSecrets?.length && sa.imagePullSecrets?.length) {
			pod.spec.imagePullSecrets = sa.imagePullSecrets.map(s => ({name: s.name}));
		}
	},
};
