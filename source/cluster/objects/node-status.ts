// What kubectl prints for a node: STATUS (`Ready,SchedulingDisabled`) and ROLES.
import type {Node} from './types.js';

export function nodeStatus(node: Node): string {
	const parts: string[] = [];
	const ready = node.status?.conditions?.find(c => c.type === 'Ready');
	if (ready) parts.push(ready.status === 'True' ? 'Ready' : 'NotReady');
	if (parts.length === 0) parts.push('Unknown');
	if (node.spec?.unschedulable) parts.push('SchedulingDisabled');
	return parts.join(',');
}

export function nodeRoles(node: Node): string {
	const roles = new Set<string>();
	for (const [key, value] of Object.entries(node.metadata?.labels ?? {})) {
		if (key.startsWith('node-role.kubernetes.io/')) roles.add(key.slice('node-role.kubernetes.io/'.length));
		else if (key === 'kubernetes.io/role' && value) roles.add(value);
	}
	return roles.size === 0 ? '<none>' : [...roles].sort().join(',');
}

export function isNodeReady(node: Node): boolean {
	return node.status?.conditions?.some(c => c.type === 'Ready' && c.status === 'True') ?? false;
}
