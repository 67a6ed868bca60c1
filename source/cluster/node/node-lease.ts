// The kubelet's node lease (component-helpers/apimachinery/lease): a Lease named after the node in kube-node-lease,
// owned by the Node, renewed every 10 s (a quarter of its 40 s duration). The node lifecycle controller reads the
// renew time as the node's heartbeat, so a node is known alive without a full status write.
import type {ApiClient} from '../api/index.js';
import {isStatusError} from '../api/index.js';
import type {Lease, Node} from '../objects/types.js';
import type {Clock} from '../sim/clock.js';

export const nodeLeaseNamespace = 'kube-node-lease';
export const leaseDurationSeconds = 40;
/** renewInterval = 0.25 x leaseDuration. */
export const leaseRenewIntervalMs = (leaseDurationSeconds / 4) * 1000;

export class NodeLease {
	/** The lease as last written (its resourceVersion makes the next renewal an update, not a read). */
	private lease?: Lease;
	private nextRenewAt = -Infinity;

	constructor(private readonly nodeName: string, private readonly client: ApiClient, private readonly clock: Clock) {}

	due(): boolean {
		return this.clock.now() >= this.nextRenewAt;
	}

	/** Create or renew the lease; false when the API server could not be reached or refused it. */
	renew(node: Node | undefined): boolean {
		if (!node) return false;
		const now = this.clock.now();
		const renewTime = this.clock.microTimestamp(now);
		try {
			this.lease ??= this.client.find<Lease>('leases', this.nodeName, nodeLeaseNamespace);
			if (!this.lease) {
				this.lease = this.client.create<Lease>('leases', {
					apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
					metadata: {name: this.nodeName, namespace: nodeLeaseNamespace, ownerReferences: [{apiVersion: 'v1', kind: 'Node', name: this.nodeName, uid: node.metadata!.uid!}]},
					spec: {holderIdentity: this.nodeName, leaseDurationSeconds, renewTime},
				}, {namespace: nodeLeaseNamespace, reason: 'kubelet: create node lease'});
			} else {
				this.lease = this.client.update<Lease>('leases', {...this.lease, spec: {...this.lease.spec, renewTime}}, {namespace: nodeLeaseNamespace, reason: 'kubelet: renew node lease'});
			}
		} catch (error) {
			// A conflict or a lease deleted by hand: read it again at the next renewal.
			if (!isStatusError(error)) throw error;
			this.lease = undefined;
			return false;
		} finally {
			this.nextRenewAt = now + leaseRenewIntervalMs;
		}
		return true;
	}
}
