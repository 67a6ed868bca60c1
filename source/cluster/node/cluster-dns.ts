// Cluster DNS as CoreDNS's kubernetes plugin answers it: NAME.NAMESPACE.svc.cluster.local is the Service's ClusterIP, or
// for a headless Service the IPs of its ready endpoints. A pod's resolv.conf has `search NS.svc.cluster.local
// svc.cluster.local cluster.local` and `options ndots:5`, so `myservice` and `myservice.other` resolve from a pod in NS.
// Reads go through the API (CoreDNS watches Services and EndpointSlices; its answers follow the API at once).
import type {ApiClient} from '../api/index.js';
import type {EndpointSlice, Service} from '../objects/types.js';

export const clusterDomain = 'cluster.local';

/** What a container's `nslookup` (or anything else that resolves names) calls. */
export interface ServiceResolver {
	/**
	 * The addresses `name` resolves to from a pod in `podNamespace` (search path applied unless the name ends with a
	 * dot); undefined when it does not resolve (NXDOMAIN).
	 */
	resolveServiceName(name: string, podNamespace: string): string[] | undefined;
	/** The search path of a pod in `podNamespace`, as its /etc/resolv.conf lists it. */
	searchPath(podNamespace: string): string[];
}

export function clusterDNS(client: ApiClient): ServiceResolver {
	const suffix = `.svc.${clusterDomain}`;
	/** An absolute name (no trailing dot) of the service zone, or undefined. */
	const lookup = (fqdn: string): string[] | undefined => {
		if (!fqdn.endsWith(suffix)) return undefined;
		const labels = fqdn.slice(0, -suffix.length).split('.');
		if (labels.length !== 2 || !labels[0] || !labels[1]) return undefined;
		const [name, namespace] = labels as [string, string];
		const svc = client.find<Service>('services', name, namespace);
		if (!svc || svc.spec?.type === 'ExternalName') return undefined;
		if (svc.spec?.clusterIP && svc.spec.clusterIP !== 'None') return [svc.spec.clusterIP];
		const slices = client.list<EndpointSlice>('endpointslices', {namespace, labelSelector: `kubernetes.io/service-name=${name}`}).items;
		const ips = slices.flatMap(s => (s.endpoints ?? []).filter(e => e.conditions?.ready !== false).flatMap(e => e.addresses ?? []));
		return ips.length ? [...new Set(ips)].sort() : undefined;
	};
	const searchPath = (namespace: string) => [`${namespace}.svc.${clusterDomain}`, `svc.${clusterDomain}`, clusterDomain];
	return {
		searchPath,
		resolveServiceName(name, podNamespace) {
			const text = name.trim().toLowerCase();
			if (!text) return undefined;
			if (text.endsWith('.')) return lookup(text.slice(0, -1));
			// ndots:5: a name with fewer than 5 dots is tried with each search domain first, then as it is.
			const dots = text.split('.').length - 1;
			const candidates = dots < 5 ? [...searchPath(podNamespace).map(d => `${text}.${d}`), text] : [text, ...searchPath(podNamespace).map(d => `${text}.${d}`)];
			for (const candidate of candidates) {
				const found = lookup(candidate);
				if (found) return found;
			}
			return undefined;
		},
	};
}
