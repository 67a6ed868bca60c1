// The pod garbage collector (pkg/controller/podgc): a pod bound to a node that no longer exists has no
// kubelet to finish it, so after a quarantine it is deleted at once; its controller makes a replacement.
import type {Node, Pod} from '../../objects/types.js';
import {Component, type ComponentContext} from '../../client/controller.js';
import {byNodeName, type Informer} from '../../client/informer.js';
import {isStatusError} from '../../api/index.js';

/** Upstream waits this long before believing a node is really gone (quarantineTime). */
const quarantineSeconds = 40;

export class PodGarbageCollector extends Component {
	private readonly pods: Informer<Pod>;
	private readonly nodes: Informer<Node>;

	constructor(ctx: ComponentContext) {
		super('pod-garbage-collector', 'system:serviceaccount:kube-system:pod-garbage-collector', ctx, {component: 'pod-garbage-collector'});
		this.pods = this.informer<Pod>('pods');
		this.pods.addIndex('node', byNodeName);
		this.nodes = this.informer<Node>('nodes');
		// A node gone: look at its pods once the quarantine is over.
		this.on(this.nodes, {delete: node => this.queue.addAfter(node.metadata!.name!, Math.ceil(quarantineSeconds / ctx.clock.tickSeconds))});
		// A pod bound to a node we do not know (bound after the node left).
		this.on(this.pods, {add: pod => this.check(pod), update: (_, pod) => this.check(pod)});
		this.pods.start();
		this.nodes.start();
	}

	private check(pod: Pod): void {
		const node = pod.spec?.nodeName;
		if (node && !this.nodes.get(node)) this.queue.addAfter(node, Math.ceil(quarantineSeconds / this.ctx.clock.tickSeconds));
	}

	protected sync(nodeName: string): void {
		if (this.nodes.get(nodeName)) return;
		for (const pod of this.pods.byIndex('node', nodeName)) {
			try {
				this.client.delete('pods', pod.metadata!.name!, {
					namespace: pod.metadata!.namespace, gracePeriodSeconds: 0, preconditions: {uid: pod.metadata!.uid},
					reason: `orphaned: node ${nodeName} does not exist`,
				});
			} catch (error) {
				if (!isStatusError(error, 'NotFound') && !isStatusError(error, 'Conflict')) throw error;
			}
		}
	}
}

