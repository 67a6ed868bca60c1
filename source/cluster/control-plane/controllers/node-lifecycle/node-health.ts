// monitorNodeHealth's bookkeeping (pkg/controller/nodelifecycle): when the controller last heard from each node,
// on its own clock, from either the Ready condition's heartbeat or the node's Lease renewal; and the conditions a
// node gets once it has been silent longer than the grace period.
import type {Lease, Node, NodeCondition} from '../../../objects/types.js';

/** --node-monitor-period and --node-monitor-grace-period (50 s since v1.32), --node-startup-grace-period. */
export const nodeMonitorPeriodMs = 5_000;
export const nodeMonitorGracePeriodMs = 50_000;
export const nodeStartupGracePeriodMs = 60_000;

/** The conditions a silent node's kubelet owns, all set Unknown (Ready first, then the rest, as upstream). */
const kubeletConditions = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

interface Health {
	/** When this controller last saw a sign of life (its clock, not the kubelet's). */
	probeAt: number;
	heartbeat?: string;
	renewTime?: string;
	/** The Ready status seen at the last monitor pass. */
	observedReady?: string;
}

const readyHeartbeat = (node: Node) => node.status?.conditions?.find(c => c.type === 'Ready')?.lastHeartbeatTime;

export class NodeHealthTracker {
	private readonly health = new Map<string, Health>();

	/** A node seen (added or updated): a moved Ready heartbeat is a sign of life. */
	observeNode(node: Node, now: number): void {
		const name = node.metadata!.name!;
		const heartbeat = readyHeartbeat(node);
		const health = this.health.get(name);
		if (!health) this.health.set(name, {probeAt: now, heartbeat});
		else if (heartbeat !== health.heartbeat) {
			health.heartbeat = heartbeat;
			health.probeAt = now;
		}
	}

	/** A node lease renewed: a sign of life. */
	observeLease(lease: Lease, now: number): void {
		const health = this.health.get(lease.metadata!.name!);
		const renewTime = lease.spec?.renewTime;
		if (!health || renewTime === health.renewTime) return;
		health.renewTime = renewTime;
		health.probeAt = now;
	}

	/** A restarted controller knows nothing yet: every node gets a fresh grace period from now, as upstream's empty nodeHealthMap. */
	restart(now: number): void {
		for (const health of this.health.values()) health.probeAt = now;
	}

	forget(name: string): void {
		this.health.delete(name);
	}

	/** Whether the node has been silent for longer than its grace period. */
	silent(node: Node, now: number): boolean {
		const health = this.health.get(node.metadata!.name!);
		if (!health) return false;
		const grace = node.status?.conditions?.some(c => c.type === 'Ready') ? nodeMonitorGracePeriodMs : nodeStartupGracePeriodMs;
		return now > health.probeAt + grace;
	}

	/** The Ready status seen at the previous pass; records `current` for the next. */
	swapObservedReady(name: string, current: string | undefined): string | undefined {
		const health = this.health.get(name);
		if (!health) return undefined;
		const previous = health.observedReady;
		health.observedReady = current;
		return previous;
	}
}

/** The conditions of a node silent past its grace period: every kubelet condition Unknown; undefined if already so. */
export function unknownConditions(node: Node, timestamp: string): NodeCondition[] | undefined {
	const conditions = [...(node.status?.conditions ?? [])];
	let changed = false;
	for (const type of kubeletConditions) {
		const index = conditions.findIndex(c => c.type === type);
		const old = conditions[index];
		if (old?.status === 'Unknown') continue;
		changed = true;
		// A node that never posted a condition gets it as NodeStatusNeverUpdated.
		const next: NodeCondition = old
			? {...old, status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.', lastTransitionTime: timestamp}
			: {type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: node.metadata?.creationTimestamp, lastTransitionTime: timestamp};
		if (old) conditions[index] = next;
		else conditions.push(next);
	}
	return changed ? conditions : undefined;
}
