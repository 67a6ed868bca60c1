// The admission chain, in kube-apiserver's order (pkg/kubeapiserver/options/plugins.go AllOrderedPlugins):
// every mutating step runs before every validating one. A plugin is one file; adding one is one line here.
import type {AdmissionAttributes, AdmissionPlugin, AdmissionReader} from './types.js';
import {namespaceLifecycle} from './namespace-lifecycle.js';
import {limitRangerPlugin} from './limit-ranger.js';
import {resourceQuotaPlugin} from './resource-quota.js';
import {serviceAccountPlugin} from './service-account.js';
import {priorityPlugin} from './priority.js';
import {defaultTolerationSecondsPlugin} from './default-toleration-seconds.js';

export const admissionPlugins: readonly AdmissionPlugin[] = [
	namespaceLifecycle,
	limitRangerPlugin,
	serviceAccountPlugin,
	defaultTolerationSecondsPlugin,
	priorityPlugin,
	resourceQuotaPlugin,
];

export function admit(attrs: AdmissionAttributes, cluster: AdmissionReader, plugins = admissionPlugins): void {
	for (const plugin of plugins) plugin.admit?.(attrs, cluster);
}

export function validate(attrs: AdmissionAttributes, cluster: AdmissionReader, plugins = admissionPlugins): void {
	for (const plugin of plugins) plugin.validate?.(attrs, cluster);
}

export function committed(attrs: AdmissionAttributes, cluster: AdmissionReader, plugins = admissionPlugins): void {
	for (const plugin of plugins) plugin.committed?.(attrs, cluster);
}

export type {AdmissionAttributes, AdmissionPlugin, AdmissionReader} from './types.js';
