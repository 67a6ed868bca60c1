// The kubelet's volume manager for one pod: emptyDir volumes (one filesystem shared by the containers
// that mount it), configMap and secret volumes (their keys as files), and the projected service
// account token. A ConfigMap or Secret that does not exist fails the mount with upstream's message,
// and the pod stays ContainerCreating until it appears.
import type {ConfigMap, Pod, Secret, Volume as PodVolume} from '../objects/types.js';
import {decodeBase64} from '../objects/base64.js';
import {Volume} from './shell/filesystem.js';

export interface ObjectSource {
	configMap(namespace: string, name: string): ConfigMap | undefined;
	secret(namespace: string, name: string): Secret | undefined;
}

/** Volumes are checked when the pod starts, but their files are only built when a container reads them. */
export type MountResult = {volumes: Map<string, () => Volume>} | {volume: string; message: string};

const text = new TextDecoder();

function keyFiles(data: Record<string, string>, items: Array<{key: string; path: string}> | undefined): Record<string, string> | string {
	if (!items) return data;
	const files: Record<string, string> = {};
	for (const item of items) {
		if (!(item.key in data)) return item.key;
		files[item.path] = data[item.key]!;
	}
	return files;
}

const configMapData = (cm: ConfigMap) => ({...cm.data, ...Object.fromEntries(Object.entries(cm.binaryData ?? {}).map(([k, v]) => [k, text.decode(decodeBase64(v))]))});
const secretData = (s: Secret) => ({...Object.fromEntries(Object.entries(s.data ?? {}).map(([k, v]) => [k, text.decode(decodeBase64(v))])), ...s.stringData});

function setUp(pod: Pod, v: PodVolume, source: ObjectSource): (() => Volume) | string {
	const namespace = pod.metadata?.namespace ?? 'default';
	if (v.configMap) {
		const name = v.configMap.name ?? '';
		const cm = source.configMap(namespace, name);
		if (!cm) return v.configMap.optional ? () => new Volume(true) : `configmap "${name}" not found`;
		const files = keyFiles(configMapData(cm), v.configMap.items as Array<{key: string; path: string}> | undefined);
		if (typeof files === 'string') return `configmap references non-existent config key: ${files}`;
		return () => new Volume(true, files);
	}
	if (v.secret) {
		const name = v.secret.secretName ?? '';
		const secret = source.secret(namespace, name);
		if (!secret) return v.secret.optional ? () => new Volume(true) : `secret "${name}" not found`;
		const files = keyFiles(secretData(secret), v.secret.items as Array<{key: string; path: string}> | undefined);
		if (typeof files === 'string') return `references non-existent secret key: ${files}`;
		return () => new Volume(true, files);
	}
	if (v.projected) return projected(pod, v, source);
	return () => new Volume(); // emptyDir, hostPath and the rest: a writable directory
}

function projected(pod: Pod, v: PodVolume, source: ObjectSource): (() => Volume) | string {
	const namespace = pod.metadata?.namespace ?? 'default';
	const files: Record<string, string> = {};
	for (const s of v.projected!.sources ?? []) {
		if (s.serviceAccountToken) files[s.serviceAccountToken.path] = `eyJhbGciOiJSUzI1NiJ9.${pod.metadata?.uid ?? ''}`;
		if (s.downwardAPI) for (const item of s.downwardAPI.items ?? []) if (item.fieldRef?.fieldPath === 'metadata.namespace') files[item.path] = namespace;
		if (s.configMap) {
			// kube-root-ca.crt is published in every namespace by a controller not simulated: its CA is a stand-in.
			const cm = source.configMap(namespace, s.configMap.name ?? '');
			const data = cm ? configMapData(cm) : s.configMap.name === 'kube-root-ca.crt' ? {'ca.crt': '-----BEGIN CERTIFICATE-----\n'} : undefined;
			if (!data && !s.configMap.optional) return `configmap "${s.configMap.name}" not found`;
			const picked = keyFiles(data ?? {}, s.configMap.items as Array<{key: string; path: string}> | undefined);
			if (typeof picked !== 'string') Object.assign(files, picked);
		}
		if (s.secret) {
			const secret = source.secret(namespace, s.secret.name ?? '');
			if (!secret && !s.secret.optional) return `secret "${s.secret.name}" not found`;
			if (secret) Object.assign(files, secretData(secret));
		}
	}
	return () => new Volume(true, files);
}

export function mountVolumes(pod: Pod, source: ObjectSource): MountResult {
	const volumes = new Map<string, () => Volume>();
	for (const v of pod.spec?.volumes ?? []) {
		const result = setUp(pod, v, source);
		if (typeof result === 'string') return {volume: v.name, message: `MountVolume.SetUp failed for volume "${v.name}" : ${result}`};
		volumes.set(v.name, result);
	}
	return {volumes};
}
