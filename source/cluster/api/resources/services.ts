// Service (pkg/registry/core/service: SetDefaults_Service, ValidateService, the ClusterIP and NodePort allocators;
// kubectl's printService and describeService).
import type {EndpointSlice, Service, ServicePort} from '../../objects/types.js';
import {statusSubresource, type ResourceDescriptor} from '../resource.js';
import type {FieldError} from '../errors.js';
import {labelErrors, objectMetaErrors, dnsLabelErrors} from '../validation.js';
import {formatLabels} from '../../objects/labels.js';
import {ageColumn, nameColumn} from './columns.js';
import {serviceAllocator} from './service-allocators.js';

const types = ['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort'];
const dns1035 = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
const dns1035Message = `a DNS-1035 label must consist of lower case alphanumeric characters or '-', start with an alphabetic character, and end with an alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is '[a-z]([-a-z0-9]*[a-z0-9])?')`;
const ianaName = /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/;

export const isHeadless = (svc: Service) => svc.spec?.clusterIP === 'None';

function portErrors(port: ServicePort, i: number, svc: Service): FieldError[] {
	const field = `spec.ports[${i}]`;
	const errors: FieldError[] = [];
	const count = svc.spec?.ports?.length ?? 0;
	if (count > 1 && !port.name) errors.push({type: 'Required', field: `${field}.name`});
	else if (port.name) errors.push(...dnsLabelErrors(port.name, `${field}.name`));
	if (!Number.isInteger(port.port) || port.port < 1 || port.port > 65535) errors.push({type: 'Invalid', field: `${field}.port`, value: port.port, detail: 'must be between 1 and 65535, inclusive'});
	if (!['SCTP', 'TCP', 'UDP'].includes(port.protocol ?? '')) errors.push({type: 'NotSupported', field: `${field}.protocol`, value: port.protocol, supported: ['SCTP', 'TCP', 'UDP']});
	const target = port.targetPort;
	if (typeof target === 'number') {
		if (target < 1 || target > 65535) errors.push({type: 'Invalid', field: `${field}.targetPort`, value: target, detail: 'must be between 1 and 65535, inclusive'});
	} else if (typeof target === 'string' && (target.length > 15 || !ianaName.test(target) || !/[a-z]/.test(target) || target.includes('--'))) {
		errors.push({type: 'Invalid', field: `${field}.targetPort`, value: target, detail: 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-), at most 15 characters, at least one letter'});
	}
	if (port.nodePort && svc.spec?.type === 'ClusterIP') errors.push({type: 'Forbidden', field: `${field}.nodePort`, detail: "may not be used when `type` is 'ClusterIP'"});
	return errors;
}

/** kubectl's PORT(S): 80/TCP, or 80:30080/TCP with a NodePort. */
export const formatPorts = (svc: Service) =>
	(svc.spec?.ports ?? []).map(p => `${p.port}${p.nodePort ? `:${p.nodePort}` : ''}/${p.protocol ?? 'TCP'}`).join(',') || '<none>';

/** loadBalancerStatusStringer: ingress IPs (or hostnames); cut to 16 characters unless wide. */
export function loadBalancerIPs(svc: Service, wide = true): string {
	const text = (svc.status?.loadBalancer?.ingress ?? []).map(i => i.ip || i.hostname || '').filter(Boolean).join(',');
	return !wide && text.length > 16 ? `${text.slice(0, 13)}...` : text;
}

/** formatEndpointSlices: the ready addresses serving a Service port, the first three then ` + N more...`. */
function endpointsText(slices: readonly EndpointSlice[], port: ServicePort): string {
	const all: string[] = [];
	for (const slice of slices) {
		const match = (slice.ports ?? []).find(p => (p.name ?? '') === (port.name ?? ''));
		for (const e of slice.endpoints ?? []) {
			if (e.conditions?.ready === false) continue;
			for (const ip of e.addresses ?? []) all.push(match?.port !== undefined ? `${ip}:${match.port}` : ip);
		}
	}
	if (all.length === 0) return '<none>';
	return all.length > 3 ? `${all.slice(0, 3).join(',')} + ${all.length - 3} more...` : all.join(',');
}

/** getServiceExternalIP. */
function externalIP(svc: Service): string {
	const external = svc.spec?.externalIPs ?? [];
	switch (svc.spec?.type) {
		case 'ExternalName': return svc.spec.externalName ?? '';
		case 'LoadBalancer': {
			const all = [...external, ...(loadBalancerIPs(svc, false) ? [loadBalancerIPs(svc, false)] : [])];
			return all.length ? all.join(',') : '<pending>';
		}
		default: return external.length ? external.join(',') : '<none>';
	}
}

export const services = {
	group: '', version: 'v1', kind: 'Service', resource: 'services', singular: 'service', shortNames: ['svc'],
	namespaced: true, generation: false,
	defaults(svc) {
		const spec = (svc.spec ??= {});
		spec.type ??= 'ClusterIP';
		spec.sessionAffinity ??= 'None';
		if (spec.sessionAffinity === 'ClientIP') {
			spec.sessionAffinityConfig ??= {};
			spec.sessionAffinityConfig.clientIP ??= {};
			spec.sessionAffinityConfig.clientIP.timeoutSeconds ??= 10800;
		}
		for (const port of spec.ports ?? []) {
			port.protocol ??= 'TCP';
			if (port.targetPort === undefined || port.targetPort === 0 || port.targetPort === '') port.targetPort = port.port;
		}
		if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') spec.externalTrafficPolicy ??= 'Cluster';
		if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
		if (spec.type !== 'ExternalName') {
			spec.internalTrafficPolicy ??= 'Cluster';
			if (spec.clusterIP && !spec.clusterIPs?.length) spec.clusterIPs = [spec.clusterIP];
			if (!spec.clusterIP && spec.clusterIPs?.length) spec.clusterIP = spec.clusterIPs[0];
			// initIPFamilyFields on a single-stack IPv4 cluster; headless without a selector asks for both families.
			const selectorless = Object.keys(spec.selector ?? {}).length === 0;
			spec.ipFamilyPolicy ??= isHeadless(svc) && selectorless ? 'RequireDualStack' : 'SingleStack';
			spec.ipFamilies ??= isHeadless(svc) && selectorless ? ['IPv4', 'IPv6'] : ['IPv4'];
		}
	},
	prepareForCreate(svc) {
		svc.status = {loadBalancer: {}};
	},
	allocator: serviceAllocator,
	validate(svc) {
		const errors = objectMetaErrors(svc.metadata, 'label').filter(e => e.field !== 'metadata.name');
		const name = svc.metadata?.name;
		if (!name) errors.unshift({type: 'Required', field: 'metadata.name', detail: 'name or generateName is required'});
		else if (name.length > 63) errors.unshift({type: 'Invalid', field: 'metadata.name', value: name, detail: 'must be no more than 63 characters'});
		else if (!dns1035.test(name)) errors.unshift({type: 'Invalid', field: 'metadata.name', value: name, detail: dns1035Message});
		const spec = svc.spec ?? {};
		if (!types.includes(spec.type ?? '')) errors.push({type: 'NotSupported', field: 'spec.type', value: spec.type, supported: types});
		const ports = spec.ports ?? [];
		if (ports.length === 0 && !isHeadless(svc) && spec.type !== 'ExternalName') errors.push({type: 'Required', field: 'spec.ports'});
		const names = new Set<string>();
		for (const [i, port] of ports.entries()) {
			errors.push(...portErrors(port, i, svc));
			if (port.name && names.has(port.name)) errors.push({type: 'Duplicate', field: `spec.ports[${i}].name`, value: port.name});
			if (port.name) names.add(port.name);
		}
		if (isHeadless(svc) && (spec.type === 'NodePort' || spec.type === 'LoadBalancer')) {
			errors.push({type: 'Invalid', field: 'spec.clusterIPs[0]', value: 'None', detail: `may not be set to 'None' for ${spec.type} services`});
		}
		if (spec.type === 'ExternalName' && !spec.externalName) errors.push({type: 'Required', field: 'spec.externalName'});
		if (!['ClientIP', 'None'].includes(spec.sessionAffinity ?? '')) errors.push({type: 'NotSupported', field: 'spec.sessionAffinity', value: spec.sessionAffinity, supported: ['ClientIP', 'None']});
		errors.push(...labelErrors(spec.selector, 'spec.selector'));
		return errors;
	},
	validateUpdate(svc, old) {
		const was = old.spec?.clusterIP;
		if (old.spec?.type !== 'ExternalName' && svc.spec?.type !== 'ExternalName' && was && svc.spec?.clusterIP !== was) {
			return [{type: 'Invalid', field: 'spec.clusterIPs[0]', value: svc.spec?.clusterIP ?? '', detail: 'may not change once set'}];
		}
		return [];
	},
	subresources: {status: statusSubresource},
	columns: [
		nameColumn,
		{name: 'TYPE', value: s => s.spec?.type ?? '', min: 9},
		{name: 'CLUSTER-IP', value: s => s.spec?.clusterIP || '<none>', min: 10},
		{name: 'EXTERNAL-IP', value: externalIP, min: 11, drop: 3},
		{name: 'PORT(S)', value: formatPorts, min: 7, cut: true},
		ageColumn,
		{name: 'SELECTOR', priority: 1, value: s => formatLabels(s.spec?.selector), cut: true, drop: 6},
	],
	describe: (svc, ctx) => {
		const spec = svc.spec ?? {};
		const slices = ctx.list?.('endpointslices', {namespace: svc.metadata?.namespace, labelSelector: `kubernetes.io/service-name=${svc.metadata?.name}`}) as EndpointSlice[] | undefined;
		const lines: Array<[string, string]> = [
			['Selector', formatLabels(spec.selector)],
			['Type', spec.type ?? ''],
			['IP Family Policy', spec.ipFamilyPolicy ?? ''],
			['IP Families', (spec.ipFamilies ?? []).join(',')],
			['IP', spec.clusterIP ?? ''],
			['IPs', (spec.clusterIPs ?? []).join(',')],
		];
		if (spec.type === 'ExternalName') lines.push(['External Name', spec.externalName ?? '']);
		if (spec.externalIPs?.length) lines.push(['External IPs', spec.externalIPs.join(',')]);
		const ingress = loadBalancerIPs(svc);
		if (ingress) lines.push(['LoadBalancer Ingress', ingress]);
		for (const port of spec.ports ?? []) {
			lines.push(['Port', `${port.name || '<unset>'}  ${port.port}/${port.protocol}`]);
			lines.push(['TargetPort', `${port.targetPort}/${port.protocol}`]);
			if (port.nodePort) lines.push(['NodePort', `${port.name || '<unset>'}  ${port.nodePort}/${port.protocol}`]);
			if (slices) lines.push(['Endpoints', endpointsText(slices, port)]);
		}
		lines.push(['Session Affinity', spec.sessionAffinity ?? 'None']);
		if (spec.externalTrafficPolicy) lines.push(['External Traffic Policy', spec.externalTrafficPolicy]);
		if (spec.internalTrafficPolicy) lines.push(['Internal Traffic Policy', spec.internalTrafficPolicy]);
		return lines;
	},
} satisfies ResourceDescriptor<Service>;
