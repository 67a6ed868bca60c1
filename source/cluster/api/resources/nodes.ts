import type {Node} from '../../objects/types.js';
import {statusSubresource, type ResourceDescriptor} from '../resource.js';
import {objectMetaErrors, quantityErrors} from '../validation.js';
import {nodeRoles, nodeStatus} from '../../objects/node-status.js';
import {ageColumn, nameColumn} from './columns.js';

const address = (node: Node, type: string) => node.status?.addresses?.find(a => a.type === type)?.address ?? '<none>';
const info = (node: Node) => node.status?.nodeInfo;

export const nodes = {
	group: '', version: 'v1', kind: 'Node', resource: 'nodes', singular: 'node', shortNames: ['no'],
	namespaced: false, generation: false,
	defaults(node) {
		node.spec ??= {};
		node.status ??= {};
	},
	validate(node) {
		const errors = objectMetaErrors(node.metadata, 'subdomain');
		errors.push(...quantityErrors(node.status?.capacity as Record<string, unknown>, 'status.capacity'));
		errors.push(...quantityErrors(node.status?.allocatable as Record<string, unknown>, 'status.allocatable'));
		for (const [i, taint] of (node.spec?.taints ?? []).entries()) {
			if (!taint.key) errors.push({type: 'Required', field: `spec.taints[${i}].key`});
			if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(taint.effect)) {
				errors.push({type: 'NotSupported', field: `spec.taints[${i}].effect`, value: taint.effect, supported: ['NoExecute', 'NoSchedule', 'PreferNoSchedule']});
			}
		}
		return errors;
	},
	fieldSelectors: {'spec.unschedulable': node => String(node.spec?.unschedulable ?? false)},
	// Nodes register with their status (a kubelet creates its Node with status), so a create keeps it.
	subresources: {status: statusSubresource},
	columns: [
		{...nameColumn, min: 8},
		{name: 'STATUS', value: nodeStatus, min: 6, reserve: 'Ready,SchedulingDisabled'.length},
		{name: 'ROLES', value: nodeRoles, min: 6, drop: 4},
		ageColumn,
		{name: 'VERSION', value: n => info(n)?.kubeletVersion ?? '', drop: 5},
		{name: 'INTERNAL-IP', priority: 1, value: n => address(n, 'InternalIP'), drop: 7},
		{name: 'EXTERNAL-IP', priority: 1, value: n => address(n, 'ExternalIP'), drop: 7},
		{name: 'OS-IMAGE', priority: 1, value: n => info(n)?.osImage ?? '<unknown>', drop: 8},
		{name: 'KERNEL-VERSION', priority: 1, value: n => info(n)?.kernelVersion ?? '<unknown>', drop: 8},
		{name: 'CONTAINER-RUNTIME', priority: 1, value: n => info(n)?.containerRuntimeVersion ?? '<unknown>', drop: 8},
	],
	describe: n => [
		['Roles', nodeRoles(n)],
		['Taints', (n.spec?.taints ?? []).map(t => `${t.key}${t.value ? `=${t.value}` : ''}:${t.effect}`).join('\n') || '<none>'],
		['Unschedulable', String(n.spec?.unschedulable ?? false)],
		{title: 'Conditions', table: {headers: ['Type', 'Status', 'Reason', 'Message'], rows: (n.status?.conditions ?? []).map(c => [c.type, c.status, c.reason ?? '', c.message ?? ''])}},
		{title: 'Addresses', lines: (n.status?.addresses ?? []).map(a => `${a.type}:  ${a.address}`)},
		{title: 'Capacity', lines: Object.entries(n.status?.capacity ?? {}).map(([k, v]) => `${k}:  ${v}`)},
		{title: 'Allocatable', lines: Object.entries(n.status?.allocatable ?? {}).map(([k, v]) => `${k}:  ${v}`)},
		['PodCIDR', n.spec?.podCIDR ?? ''],
		...(n.spec?.providerID ? [['ProviderID', n.spec.providerID] as [string, string]] : []),
	],
} satisfies ResourceDescriptor<Node>;
