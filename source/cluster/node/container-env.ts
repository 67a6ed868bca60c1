// A container's environment as the kubelet builds it (kubelet_pods.go makeEnvironmentVariables):
// envFrom first, then env; values from ConfigMaps, Secrets and the pod's own fields. A missing object
// or key is the container's CreateContainerConfigError, with upstream's message.
import type {Container, Pod} from '../objects/types.js';
import {decodeBase64} from '../objects/base64.js';
import type {ObjectSource} from './volumes.js';

const text = new TextDecoder();

export function containerEnv(pod: Pod, container: Container, source: ObjectSource, podIP: string | undefined, hostIP: string): Array<[string, string]> | string {
	const namespace = pod.metadata?.namespace ?? 'default';
	const env = new Map<string, string>([
		['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
		['HOSTNAME', pod.metadata?.name ?? ''],
	]);
	for (const from of container.envFrom ?? []) {
		if (from.configMapRef) {
			const cm = source.configMap(namespace, from.configMapRef.name ?? '');
			if (!cm) { if (from.configMapRef.optional) continue; return `configmap "${from.configMapRef.name}" not found`; }
			for (const [k, v] of Object.entries(cm.data ?? {})) env.set(`${from.prefix ?? ''}${k}`, v);
		}
		if (from.secretRef) {
			const secret = source.secret(namespace, from.secretRef.name ?? '');
			if (!secret) { if (from.secretRef.optional) continue; return `secret "${from.secretRef.name}" not found`; }
			for (const [k, v] of Object.entries(secret.data ?? {})) env.set(`${from.prefix ?? ''}${k}`, text.decode(decodeBase64(v)));
		}
	}
	for (const e of container.env ?? []) {
		const ref = e.valueFrom;
		if (!ref) {
			env.set(e.name, (e.value ?? '').replace(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g, (m, name: string) => env.get(name) ?? m));
			continue;
		}
		if (ref.configMapKeyRef) {
			const {name = '', key, optional} = ref.configMapKeyRef;
			const cm = source.configMap(namespace, name);
			if (!cm) { if (optional) continue; return `configmap "${name}" not found`; }
			const value = cm.data?.[key];
			if (value === undefined) { if (optional) continue; return `couldn't find key ${key} in ConfigMap ${namespace}/${name}`; }
			env.set(e.name, value);
		} else if (ref.secretKeyRef) {
			const {name = '', key, optional} = ref.secretKeyRef;
			const secret = source.secret(namespace, name);
			if (!secret) { if (optional) continue; return `secret "${name}" not found`; }
			const value = secret.data?.[key];
			if (value === undefined) { if (optional) continue; return `couldn't find key ${key} in Secret ${namespace}/${name}`; }
			env.set(e.name, text.decode(decodeBase64(value)));
		} else if (ref.fieldRef) {
			const fields: Record<string, string | undefined> = {
				'metadata.name': pod.metadata?.name, 'metadata.namespace': namespace, 'metadata.uid': pod.metadata?.uid,
				'spec.nodeName': pod.spec?.nodeName, 'spec.serviceAccountName': pod.spec?.serviceAccountName,
				'status.podIP': podIP, 'status.hostIP': hostIP,
			};
			env.set(e.name, fields[ref.fieldRef.fieldPath] ?? '');
		} else {
			env.set(e.name, '');
		}
	}
	env.set('KUBERNETES_SERVICE_HOST', '10.96.0.1');
	env.set('KUBERNETES_SERVICE_PORT', '443');
	return [...env];
}
