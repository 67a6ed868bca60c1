// The cloud node lifecycle controller (k8s.io/cloud-provider/controllers/nodelifecycle): every node-monitor-period
// (5 s) it asks the cloud about each node that is not Ready; a node whose instance no longer exists is deleted
// (DeletingNode), so its pods are collected and replaced elsewhere.
import type {Node} from '../../objects/types.js';
import {Component, type ComponentContext} from '../../client/controller.js';
import {processName} from './process.js';
import type {Informer} from '../../client/informer.js';
import {isStatusError} from '../../api/index.js';
import type {SimulatedCloud} from './provider.js';

export const nodeMonitorPeriodSeconds = 5;

export class CloudNodeLifecycleController extends Component {
	override readonly process = processName;
	private readonly nodes: Informer<Node>;
	private nextCheck = 0;
	/** Nodes whose Ready condition is not True: the only ones each check asks the cloud about. */
	private readonly notReady = new Set<string>();

	constructor(ctx: ComponentContext, private readonly cloud: SimulatedCloud) {
		super('cloud-node-lifecycle-controller', 'system:serviceaccount:kube-system:cloud-node-lifecycle-controller', ctx, {component: 'cloud-node-lifecycle-controller'});
		this.nodes = this.informer<Node>('nodes');
		const track = (node: Node) => {
			const ready = node.status?.conditions?.find(c => c.type === 'Ready')?.status === 'True';
			if (ready) this.notReady.delete(node.metadata!.name!);
			else this.notReady.add(node.metadata!.name!);
		};
		this.on(this.nodes, {add: track, update: (_, node) => track(node), delete: node => this.notReady.delete(node.metadata!.name!)});
		this.nodes.start();
	}

	protected override hasOtherWork(): boolean {
		return !!this.cloud.spec && this.ctx.clock.now() >= this.nextCheck;
	}

	protected sync(): void {}

	protected override afterSync(): void {
		if (!this.cloud.spec || this.ctx.clock.now() < this.nextCheck) return;
		this.nextCheck = this.ctx.clock.now() + nodeMonitorPeriodSeconds * 1000;
		for (const name of [...this.notReady].sort()) {
			const node = this.nodes.get(name);
			const providerID = node?.spec?.providerID;
			if (!node || !providerID || this.cloud.exists(providerID)) continue;
			this.recorder.event(node, 'Normal', 'DeletingNode', `Deleting node ${name} because it does not exist in the cloud provider`);
			try {
				this.client.delete('nodes', name, {preconditions: {uid: node.metadata!.uid}, reason: `instance ${providerID} no longer exists`});
			} catch (error) {
				if (!isStatusError(error, 'NotFound') && !isStatusError(error, 'Conflict')) throw error;
			}
		}
	}
}
