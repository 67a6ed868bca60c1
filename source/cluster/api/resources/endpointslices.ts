// EndpointSlice (discovery.k8s.io/v1; pkg/registry/discovery/endpointslice, ValidateEndpointSlice; kubectl's
// printEndpointSlice and describeEndpointSlice).
import type {EndpointSlice} from '../../objects/types.js';
import type {ResourceDescriptor} from '../resource.js';
import type {FieldError} from '../errors.js';
import {objectMetaErrors} from '../validation.js';
import {ageColumn, nameColumn} from './columns.js';

const addressTypes = ['FQDN', 'IPv4', 'IPv6'];
export const maxEndpointsPerSlice = 1000;

/** listWithMoreString: the first three, then ` + N more...`; `<unset>` when empty. */
function listWithMore(values: string[]): string {
	if (values.length === 0) return '<unset>';
	return values.length > 3 ? `${values.slice(0, 3).join(',')} + ${values.length - 3} more...` : values.join(',');
}

export const sliceAddresses = (slice: EndpointSlice) => (slice.endpoints ?? []).flatMap(e => e.addresses ?? []);

export const endpointslices = {
	group: 'discovery.k8s.io', version: 'v1', kind: 'EndpointSlice', resource: 'endpointslices', singular: 'endpointslice', shortNames: [],
	namespaced: true, generation: true,
	defaults(slice) {
		for (const port of slice.ports ?? []) port.protocol ??= 'TCP';
		slice.endpoints ??= [];
	},
	validate(slice) {
		const errors: FieldError[] = objectMetaErrors(slice.metadata, 'subdomain');
		if (!slice.addressType) errors.push({type: 'Required', field: 'addressType'});
		else if (!addressTypes.includes(slice.addressType)) errors.push({type: 'NotSupported', field: 'addressType', value: slice.addressType, supported: addressTypes});
		const endpoints = slice.endpoints ?? [];
		if (endpoints.length > maxEndpointsPerSlice) errors.push({type: 'TooLong', field: 'endpoints', detail: `must have at most ${maxEndpointsPerSlice} items`});
		for (const [i, endpoint] of endpoints.entries()) {
			const count = endpoint.addresses?.length ?? 0;
			if (count < 1 || count > 100) errors.push({type: 'Required', field: `endpoints[${i}].addresses`, detail: 'must contain at least 1 address'});
		}
		for (const [i, port] of (slice.ports ?? []).entries()) {
			if (port.port !== undefined && (port.port < 1 || port.port > 65535)) errors.push({type: 'Invalid', field: `ports[${i}].port`, value: port.port, detail: 'must be between 1 and 65535, inclusive'});
		}
		return errors;
	},
	validateUpdate(slice, old) {
		return slice.addressType !== old.addressType ? [{type: 'Invalid', field: 'addressType', value: slice.addressType, detail: 'field is immutable'}] : [];
	},
	columns: [
		nameColumn,
		{name: 'ADDRESSTYPE', value: s => s.addressType ?? '', min: 6},
		{name: 'PORTS', value: s => listWithMore((s.ports ?? []).map(p => (p.port !== undefined ? String(p.port) : p.name || '*'))), min: 5},
		{name: 'ENDPOINTS', value: s => listWithMore(sliceAddresses(s)), cut: true, min: 9},
		ageColumn,
	],
	describe: slice => [
		['AddressType', slice.addressType ?? ''],
		{title: 'Ports', table: {headers: ['Name', 'Port', 'Protocol'], rows: (slice.ports ?? []).map(p => [p.name || '<unset>', p.port !== undefined ? String(p.port) : '<unset>', p.protocol ?? 'TCP'])}},
		{title: 'Endpoints', lines: (slice.endpoints ?? []).flatMap(e => [
			`- Addresses:  ${(e.addresses ?? []).join(',')}`,
			'  Conditions:',
			`    Ready:    ${e.conditions?.ready ?? '<unset>'}`,
			...(e.targetRef ? [`  TargetRef:  ${e.targetRef.kind}/${e.targetRef.name}`] : []),
			...(e.nodeName ? [`  NodeName:   ${e.nodeName}`] : []),
			...(e.zone ? [`  Zone:       ${e.zone}`] : []),
		])},
	],
} satisfies ResourceDescriptor<EndpointSlice>;
