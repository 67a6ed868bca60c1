// The API server's resource registry: one table, looked up by any name kubectl accepts.
import type {ResourceType} from './resource.js';
import {namespaces} from './resources/namespaces.js';
import {nodes} from './resources/nodes.js';
import {pods} from './resources/pods.js';
import {deployments} from './resources/deployments.js';
import {replicasets} from './resources/replicasets.js';
import {events} from './resources/events.js';
import {configmaps} from './resources/configmaps.js';
import {secrets} from './resources/secrets.js';
import {serviceaccounts} from './resources/serviceaccounts.js';
import {priorityclasses} from './resources/priorityclasses.js';
import {limitranges} from './resources/limitranges.js';
import {resourcequotas} from './resources/resourcequotas.js';
import {leases} from './resources/leases.js';
import {poddisruptionbudgets} from './resources/poddisruptionbudgets.js';
import {services} from './resources/services.js';
import {endpointslices} from './resources/endpointslices.js';

// The order kubectl-style listings use (headless tables, `kubectl get` of several kinds): cluster-scoped kinds first,
// then configuration, workloads before the pods they own, events last.
export const resources: readonly ResourceType[] = [
	namespaces, nodes, priorityclasses, resourcequotas, limitranges, serviceaccounts, configmaps, secrets,
	services, endpointslices, deployments, replicasets, pods, poddisruptionbudgets, leases, events,
];

const byResource = new Map(resources.map(r => [r.resource, r]));
const byName = new Map<string, ResourceType>();
for (const r of resources) {
	for (const name of [r.resource, r.singular, r.kind.toLowerCase(), ...r.shortNames]) byName.set(name, r);
	if (r.group) for (const name of [r.resource, r.singular, ...r.shortNames]) byName.set(`${name}.${r.group}`, r);
}

/** The registry entry for a plural resource name (`pods`); undefined when not served. */
export function resourceType(resource: string): ResourceType | undefined {
	return byResource.get(resource);
}

/** Any spelling kubectl accepts: plural, singular, kind, short name, `deployments.apps`. */
export function lookupResource(name: string): ResourceType | undefined {
	return byName.get(name.toLowerCase());
}

const byKind = new Map(resources.map(r => [`${r.group ? `${r.group}/${r.version}` : r.version}/${r.kind}`, r]));

/** The entry serving an object's apiVersion and kind (a map lookup: the garbage collector asks once per owner). */
export function resourceForKind(apiVersion: string | undefined, kind: string | undefined): ResourceType | undefined {
	return byKind.get(`${apiVersion}/${kind}`);
}
