// Who a client identity is, in the words a person reading the trace uses: the component's name as upstream
// names it (kube-scheduler, kubelet@node-2, replicaset-controller), not its credentials.

/** Service accounts whose controller has another canonical name upstream (cmd/kube-controller-manager/names). */
const controllerOfServiceAccount: Readonly<Record<string, string>> = {
	'generic-garbage-collector': 'garbage-collector-controller',
	'pod-garbage-collector': 'pod-garbage-collector-controller',
	'service-account-controller': 'serviceaccount-controller',
	'endpoint-controller': 'endpoints-controller',
	'daemon-set-controller': 'daemonset-controller',
	'horizontal-pod-autoscaler': 'horizontal-pod-autoscaler-controller',
	// node-controller is the credential of both node-lifecycle-controller and node-ipam-controller upstream: the
	// API server cannot tell them apart, so neither can the trace.
};

const fixed: Readonly<Record<string, string>> = {
	'system:kube-scheduler': 'kube-scheduler',
	'system:kube-controller-manager': 'kube-controller-manager',
	'system:apiserver': 'kube-apiserver',
	'system:kube-proxy': 'kube-proxy',
	'system:cloud-controller-manager': 'cloud-controller-manager',
	'kubernetes-admin': 'kubectl (you)',
};

const serviceAccountPrefix = 'system:serviceaccount:kube-system:';
const nodePrefix = 'system:node:';

/** system:kube-scheduler -> kube-scheduler, system:node:NODE -> kubelet@NODE, a controller's service account -> the controller. */
export function componentName(identity: string): string {
	const known = fixed[identity];
	if (known) return known;
	if (identity.startsWith(nodePrefix)) return `kubelet@${identity.slice(nodePrefix.length)}`;
	if (identity.startsWith(serviceAccountPrefix)) {
		const account = identity.slice(serviceAccountPrefix.length);
		return controllerOfServiceAccount[account] ?? account;
	}
	return identity;
}

/** This repository's component names that differ from upstream's controller names. */
const upstreamControllerNames: Readonly<Record<string, string>> = {
	'garbage-collector': 'garbage-collector-controller',
	'pod-garbage-collector': 'pod-garbage-collector-controller',
};

/** A controller's name as kube-controller-manager's --controllers and logs name it. */
export function controllerName(name: string): string {
	return upstreamControllerNames[name] ?? name;
}
