// What a kubelet reports for its node when it starts: capacity and allocatable (defaults for what the
// manifest left out), addresses, node info, and the four conditions with the kubelet's reasons.
import type {Node, NodeCondition} from '../objects/types.js';
import {setCondition} from '../objects/conditions.js';
import type {Clock} from '../sim/clock.js';
import type {EventType} from '../client/event-recorder.js';

export const kubeletVersion = 'v1.32.0';
const defaultCapacity = {cpu: '4', memory: '8Gi', pods: '110', 'ephemeral-storage': '100Gi'};

export function registeredNodeStatus(node: Node, hostIP: string, clock: Clock): NonNullable<Node['status']> {
	const now = clock.timestamp();
	const capacity = {...defaultCapacity, ...(node.status?.capacity ?? {})};
	const allocatable = {...capacity, ...(node.status?.allocatable ?? {})};
	let conditions: NodeCondition[] = node.status?.conditions ?? [];
	const set = (type: string, status: string, reason: string, message: string) => {
		conditions = setCondition(conditions, {type, status, reason, message, lastHeartbeatTime: now}, now);
	};
	set('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available');
	set('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure');
	set('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available');
	set('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status');
	const name = node.metadata!.name!;
	return {
		...node.status,
		capacity, allocatable, conditions,
		addresses: [{type: 'InternalIP', address: hostIP}, {type: 'Hostname', address: name}],
		daemonEndpoints: {kubeletEndpoint: {Port: 10250}},
		nodeInfo: {
			machineID: node.metadata!.uid!.replaceAll('-', ''), systemUUID: node.metadata!.uid!, bootID: node.metadata!.uid!,
			kernelVersion: '6.8.0-sim', osImage: 'Debian GNU/Linux 12 (bookworm)', containerRuntimeVersion: 'containerd://1.7.22',
			kubeletVersion, kubeProxyVersion: kubeletVersion, operatingSystem: 'linux', architecture: 'amd64',
			...(node.status?.nodeInfo ?? {}),
		},
	};
}

/** The events a starting kubelet records for its node, in its order. */
export function registrationEvents(name: string): Array<[EventType, string, string]> {
	return [
		['Normal', 'Starting', 'Starting kubelet.'],
		['Normal', 'NodeHasSufficientMemory', `Node ${name} status is now: NodeHasSufficientMemory`],
		['Normal', 'NodeHasNoDiskPressure', `Node ${name} status is now: NodeHasNoDiskPressure`],
		['Normal', 'NodeHasSufficientPID', `Node ${name} status is now: NodeHasSufficientPID`],
		['Normal', 'NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods'],
		['Normal', 'NodeReady', `Node ${name} status is now: NodeReady`],
	];
}

/** Labels every kubelet sets on its node (kubernetes.io/hostname, os, arch and their beta forms). */
export function wellKnownLabels(name: string): Record<string, string> {
	return {
		'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux',
		'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': name, 'kubernetes.io/os': 'linux',
	};
}
