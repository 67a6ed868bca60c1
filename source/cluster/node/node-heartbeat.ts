// The kubelet's node status updates (pkg/kubelet/kubelet_node_status.go): every nodeStatusUpdateFrequency (10 s) it
// computes the node's status; it writes it only when something other than the heartbeat times changed, or when
// nodeStatusReportFrequency (5 min) has passed since the last report. The lease carries the 10 s heartbeat.
import type {ApiClient} from '../api/index.js';
import {isStatusError} from '../api/index.js';
import type {Node, NodeCondition} from '../objects/types.js';
import type {Clock} from '../sim/clock.js';
import type {EventType} from '../client/event-recorder.js';
import {registeredNodeStatus} from './node-status.js';

export const nodeStatusUpdateFrequencyMs = 10_000;
export const nodeStatusReportFrequencyMs = 300_000;

/** The event a kubelet records when a condition comes to its healthy value (setters.go). */
const recoveredEvent: Record<string, string> = {
	MemoryPressure: 'NodeHasSufficientMemory', DiskPressure: 'NodeHasNoDiskPressure', PIDPressure: 'NodeHasSufficientPID', Ready: 'NodeReady',
};

const conditionView = (conditions: readonly NodeCondition[] | undefined) =>
	(conditions ?? []).map(c => `${c.type}=${c.status}/${c.reason ?? ''}/${c.message ?? ''}`).join(';');

export class NodeHeartbeat {
	private nextUpdateAt = -Infinity;
	private lastReportAt = -Infinity;

	constructor(
		private readonly nodeName: string,
		private readonly hostIP: string,
		private readonly client: ApiClient,
		private readonly clock: Clock,
		private readonly record: (node: Node, type: EventType, reason: string, message: string) => void,
	) {}

	due(): boolean {
		return this.clock.now() >= this.nextUpdateAt;
	}

	/** The kubelet just wrote the node's full status (registration): that is a report. */
	reported(): void {
		this.lastReportAt = this.clock.now();
		this.nextUpdateAt = this.lastReportAt + nodeStatusUpdateFrequencyMs;
	}

	/** One status update round, from the node as the API server has it (the kubelet's informer). */
	update(node: Node | undefined): boolean {
		const now = this.clock.now();
		this.nextUpdateAt = now + nodeStatusUpdateFrequencyMs;
		if (!node) return false;
		const status = registeredNodeStatus(node, this.hostIP, this.clock);
		const changed = conditionView(status.conditions) !== conditionView(node.status?.conditions);
		if (!changed && now - this.lastReportAt < nodeStatusReportFrequencyMs) return true;
		const {resourceVersion: _, ...metadata} = node.metadata!;
		try {
			const updated = this.client.updateStatus<Node>('nodes', {...node, metadata, status}, {reason: changed ? 'kubelet: node status changed' : 'kubelet: node status report (5m)'});
			this.lastReportAt = now;
			for (const condition of status.conditions ?? []) {
				const before = node.status?.conditions?.find(c => c.type === condition.type);
				const reason = recoveredEvent[condition.type];
				if (reason && before && before.status !== condition.status) this.record(updated, 'Normal', reason, `Node ${this.nodeName} status is now: ${reason}`);
			}
			return true;
		} catch (error) {
			if (!isStatusError(error)) throw error;
			return false;
		}
	}
}
