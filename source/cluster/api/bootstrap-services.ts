// The Services every cluster starts with: `kubernetes` in default at the service CIDR's first address (the apiserver's
// bootstrap controller keeps it and its EndpointSlice), and kubeadm's kube-dns at 10.96.0.10. The simulated apiserver
// listens on the first host's address, 172.18.0.2:6443.
import type {ApiClient} from './client.js';

export const apiserverAddress = '172.18.0.2';

export function bootstrapServices(client: ApiClient): void {
	client.create('services', {
		apiVersion: 'v1', kind: 'Service',
		metadata: {name: 'kubernetes', namespace: 'default', labels: {component: 'apiserver', provider: 'kubernetes'}},
		spec: {clusterIP: '10.96.0.1', ports: [{name: 'https', port: 443, protocol: 'TCP', targetPort: 6443}]},
	}, {namespace: 'default', reason: 'bootstrap: the kubernetes service'});
	client.create('endpointslices', {
		apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
		metadata: {name: 'kubernetes', namespace: 'default', labels: {'kubernetes.io/service-name': 'kubernetes'}},
		addressType: 'IPv4',
		endpoints: [{addresses: [apiserverAddress], conditions: {ready: true}}],
		ports: [{name: 'https', port: 6443, protocol: 'TCP'}],
	}, {namespace: 'default', reason: 'bootstrap: the apiserver endpoint'});
	client.create('services', {
		apiVersion: 'v1', kind: 'Service',
		metadata: {name: 'kube-dns', namespace: 'kube-system', labels: {'k8s-app': 'kube-dns', 'kubernetes.io/cluster-service': 'true', 'kubernetes.io/name': 'CoreDNS'}},
		spec: {
			clusterIP: '10.96.0.10', selector: {'k8s-app': 'kube-dns'},
			ports: [{name: 'dns', port: 53, protocol: 'UDP', targetPort: 53}, {name: 'dns-tcp', port: 53, protocol: 'TCP', targetPort: 53}, {name: 'metrics', port: 9153, protocol: 'TCP', targetPort: 9153}],
		},
	}, {namespace: 'kube-system', reason: 'bootstrap: kubeadm CoreDNS addon'});
}
