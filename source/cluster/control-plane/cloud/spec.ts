// kubetui's own kind `CloudProvider` (apiVersion sim.kubetui.dev/v1): the simulated cloud a cluster file declares.
// It is not served by the API server (no cloud's configuration is); the loader hands it to the cloud.
//
//   apiVersion: sim.kubetui.dev/v1
//   kind: CloudProvider
//   metadata: {name: sim}
//   spec:
//     region: region-1
//     zones: [zone-a, zone-b, zone-c]
//     instanceTypes:
//     - {name: standard-4, cpu: "4", memory: 8Gi}
//     loadBalancerDelaySeconds: 10
import type {CloudSpec, InstanceType} from './provider.js';
import {parseQuantity} from '../../objects/quantity.js';

export const simGroup = 'sim.kubetui.dev';
export const cloudProviderApiVersion = `${simGroup}/v1`;

interface Document {
	apiVersion?: string;
	kind?: string;
	metadata?: {name?: string};
	spec?: unknown;
}

const name = /^[a-z0-9]([-a-z0-9.]*[a-z0-9])?$/;

/** The spec of a CloudProvider document, or an error naming the field at fault. */
export function parseCloudProvider(doc: Document): CloudSpec {
	const id = `CloudProvider "${doc.metadata?.name ?? ''}" is invalid`;
	const fail = (field: string, why: string): never => {
		throw new Error(`${id}: ${field}: ${why}`);
	};
	if (doc.kind !== 'CloudProvider') fail('kind', `Unsupported value: "${doc.kind}": supported values: "CloudProvider"`);
	const spec = doc.spec as Record<string, unknown> | undefined;
	if (!spec || typeof spec !== 'object') return fail('spec', 'Required value');
	const region = spec['region'];
	if (typeof region !== 'string' || !name.test(region)) fail('spec.region', 'Required value: a lower-case name like region-1');
	const zones = spec['zones'];
	if (!Array.isArray(zones) || zones.length === 0) fail('spec.zones', 'Required value: at least one zone');
	for (const [i, zone] of (zones as unknown[]).entries()) {
		if (typeof zone !== 'string' || !name.test(zone)) fail(`spec.zones[${i}]`, `Invalid value: ${JSON.stringify(zone)}: a lower-case name like zone-a`);
		if ((zones as unknown[]).indexOf(zone) !== i) fail(`spec.zones[${i}]`, `Duplicate value: "${zone}"`);
	}
	const types = spec['instanceTypes'];
	if (!Array.isArray(types) || types.length === 0) fail('spec.instanceTypes', 'Required value: at least one instance type');
	const instanceTypes: InstanceType[] = [];
	for (const [i, raw] of (types as unknown[]).entries()) {
		const t = raw as Record<string, unknown>;
		const field = `spec.instanceTypes[${i}]`;
		if (!t || typeof t !== 'object') fail(field, 'Invalid value: expected {name, cpu, memory}');
		if (typeof t['name'] !== 'string' || !name.test(t['name'])) fail(`${field}.name`, 'Required value: a lower-case name like standard-4');
		if (instanceTypes.some(x => x.name === t['name'])) fail(`${field}.name`, `Duplicate value: "${t['name']}"`);
		for (const key of ['cpu', 'memory'] as const) {
			const value = t[key];
			const parsed = typeof value === 'string' || typeof value === 'number' ? parseQuantity(value) : undefined;
			if (parsed === undefined || parsed <= 0) fail(`${field}.${key}`, `Invalid value: ${JSON.stringify(value)}: must be a positive quantity`);
		}
		const pods = t['pods'];
		if (pods !== undefined && !(Number.isInteger(Number(pods)) && Number(pods) > 0)) fail(`${field}.pods`, `Invalid value: ${JSON.stringify(pods)}: must be a positive integer`);
		instanceTypes.push({name: t['name'] as string, cpu: String(t['cpu']), memory: String(t['memory']), ...(pods !== undefined ? {pods: String(pods)} : {})});
	}
	const delay = spec['loadBalancerDelaySeconds'];
	if (delay !== undefined && !(typeof delay === 'number' && delay >= 0 && delay <= 3600)) fail('spec.loadBalancerDelaySeconds', `Invalid value: ${JSON.stringify(delay)}: must be seconds from 0 to 3600`);
	const known = new Set(['region', 'zones', 'instanceTypes', 'loadBalancerDelaySeconds']);
	for (const key of Object.keys(spec)) if (!known.has(key)) fail(`spec.${key}`, 'unknown field');
	return {region: region as string, zones: zones as string[], instanceTypes, ...(delay !== undefined ? {loadBalancerDelaySeconds: delay as number} : {})};
}
