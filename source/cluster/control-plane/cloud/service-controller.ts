// The service controller (k8s.io/cloud-provider/controllers/service): a Service of type LoadBalancer gets the
// service.kubernetes.io/load-balancer-cleanup finalizer, then a load balancer from the cloud (EnsuringLoadBalancer,
// and once the cloud has it ready, status.loadBalancer.ingress and EnsuredLoadBalancer). A deleted Service, or one
// no longer of type LoadBalancer, has its load balancer released (DeletingLoadBalancer, DeletedLoadBalancer) and
// the finalizer removed. When the set of nodes a load balancer may send to changes (Ready nodes not excluded from
// load balancers), every load balancer is updated (UpdatedLoadBalancer).
import type {Node, Service} from '../../objects/types.js';
import {objectKey} from '../../objects/types.js';
import {Component, type ComponentContext} from '../../client/controller.js';
import {processName} from './process.js';
import type {Informer} from '../../client/informer.js';
import {isStatusError} from '../../api/index.js';
import type {SimulatedCloud} from './provider.js';

export const cleanupFinalizer = 'service.kubernetes.io/load-balancer-cleanup';
const excludeLabel = 'node.kubernetes.io/exclude-from-external-load-balancers';
const toBeDeletedTaint = 'ToBeDeletedByClusterAutoscaler';

const readyStatus = (node: Node) => node.status?.conditions?.find(c => c.type === 'Ready')?.status ?? '';

/** getNodeConditionPredicate: a node a load balancer may send traffic to. */
function eligible(node: Node): boolean {
	if (node.metadata?.labels?.[excludeLabel] !== undefined) return false;
	if ((node.spec?.taints ?? []).some(t => t.key === toBeDeletedTaint)) return false;
	return readyStatus(node) === 'True';
}

/** shouldSyncNode: a change that may change the set of eligible nodes. */
const shouldSyncNode = (old: Node, node: Node) => readyStatus(old) !== readyStatus(node) ||
	Boolean(old.spec?.unschedulable) !== Boolean(node.spec?.unschedulable) ||
	old.metadata?.labels?.[excludeLabel] !== node.metadata?.labels?.[excludeLabel] ||
	(old.spec?.taints ?? []).some(t => t.key === toBeDeletedTaint) !== (node.spec?.taints ?? []).some(t => t.key === toBeDeletedTaint);

export class ServiceController extends Component {
	override readonly process = processName;
	private readonly services: Informer<Service>;
	private readonly nodes: Informer<Node>;
	/** The eligible nodes as last seen (sorted names), and whether a node change may have changed them. */
	private knownHosts = '';
	private nodesChanged = false;

	constructor(ctx: ComponentContext, private readonly cloud: SimulatedCloud) {
		super('service-controller', 'system:serviceaccount:kube-system:service-controller', ctx, {component: 'service-controller'});
		this.services = this.informer<Service>('services');
		const enqueue = (svc: Service) => {
			if (svc.spec?.type === 'LoadBalancer' || svc.metadata?.finalizers?.includes(cleanupFinalizer) || this.cloud.loadBalancer(objectKey(svc))) this.queue.add(objectKey(svc));
		};
		this.on(this.services, {add: enqueue, update: (_, svc) => enqueue(svc), delete: enqueue});
		this.nodes = this.informer<Node>('nodes');
		const changed = () => {
			this.nodesChanged = true;
		};
		this.on(this.nodes, {add: changed, delete: changed, update: (old, node) => {
			if (shouldSyncNode(old, node)) changed();
		}});
		this.services.start();
		this.nodes.start();
	}

	private hosts(): string[] {
		return [...this.nodes.list()].filter(eligible).map(n => n.metadata!.name!).sort();
	}

	protected override hasOtherWork(): boolean {
		return this.nodesChanged;
	}

	/** nodeSyncInternal: the eligible nodes changed, so every load balancer is updated to the new hosts. */
	protected override afterSync(): void {
		if (!this.nodesChanged) return;
		this.nodesChanged = false;
		const hosts = this.hosts();
		const text = hosts.join(',');
		if (text === this.knownHosts) return;
		this.knownHosts = text;
		if (!this.cloud.spec) return;
		for (const svc of [...this.services.list()].sort((a, b) => (objectKey(a) < objectKey(b) ? -1 : 1))) {
			const lb = this.cloud.loadBalancer(objectKey(svc));
			if (svc.spec?.type !== 'LoadBalancer' || svc.metadata?.deletionTimestamp || !lb || lb.readyAt > this.ctx.clock.now()) continue;
			if (hosts.length === 0) this.recorder.event(svc, 'Warning', 'UnAvailableLoadBalancer', 'There are no available nodes for LoadBalancer');
			else this.recorder.event(svc, 'Normal', 'UpdatedLoadBalancer', 'Updated load balancer with new hosts');
		}
	}

	protected sync(key: string): void {
		if (!this.cloud.spec) return;
		const svc = this.services.get(key);
		const wants = svc?.spec?.type === 'LoadBalancer' && !svc.metadata?.deletionTimestamp;
		if (!wants) return this.release(key, svc);
		const namespace = svc.metadata!.namespace;
		const name = svc.metadata!.name!;
		let current = svc;
		if (!svc.metadata?.finalizers?.includes(cleanupFinalizer)) {
			current = this.client.patch<Service>('services', name, {metadata: {finalizers: [...(svc.metadata?.finalizers ?? []), cleanupFinalizer]}}, {namespace, reason: 'add load balancer cleanup finalizer'});
		}
		const now = this.ctx.clock.now();
		let lb = this.cloud.loadBalancer(key);
		if (!lb) {
			this.recorder.event(current, 'Normal', 'EnsuringLoadBalancer', 'Ensuring load balancer');
			if (this.hosts().length === 0) this.recorder.event(current, 'Warning', 'UnAvailableLoadBalancer', 'There are no available nodes for LoadBalancer');
			lb = this.cloud.ensureLoadBalancer(key, now);
		}
		if (now < lb.readyAt) {
			this.queue.addAfter(key, Math.max(1, Math.ceil((lb.readyAt - now) / 1000 / this.ctx.clock.tickSeconds)));
			return;
		}
		const ingress = current.status?.loadBalancer?.ingress ?? [];
		if (ingress.length === 1 && ingress[0]!.ip === lb.ip) return;
		const {resourceVersion: _, ...metadata} = current.metadata!;
		this.client.updateStatus('services', {...current, metadata, status: {...current.status, loadBalancer: {ingress: [{ip: lb.ip, ipMode: 'VIP'}]}}}, {namespace, reason: `load balancer ${lb.ip} ready`});
		this.recorder.event(current, 'Normal', 'EnsuredLoadBalancer', 'Ensured load balancer');
	}

	private release(key: string, svc: Service | undefined): void {
		const had = this.cloud.loadBalancer(key);
		if (had && svc) this.recorder.event(svc, 'Normal', 'DeletingLoadBalancer', 'Deleting load balancer');
		this.cloud.deleteLoadBalancer(key);
		if (!svc) return;
		// Upstream records DeletedLoadBalancer whenever it cleans up, once the finalizer is gone.
		const cleaned = !!had || !!svc.metadata?.finalizers?.includes(cleanupFinalizer);
		const namespace = svc.metadata!.namespace;
		const name = svc.metadata!.name!;
		try {
			if (!svc.metadata?.deletionTimestamp && svc.status?.loadBalancer?.ingress?.length) {
				const {resourceVersion: _, ...metadata} = svc.metadata!;
				this.client.updateStatus('services', {...svc, metadata, status: {...svc.status, loadBalancer: {}}}, {namespace, reason: 'load balancer released'});
			}
			if (svc.metadata?.finalizers?.includes(cleanupFinalizer)) {
				const rest = svc.metadata.finalizers.filter(f => f !== cleanupFinalizer);
				this.client.patch('services', name, {metadata: {finalizers: rest.length ? rest : null}}, {namespace, reason: 'load balancer released: remove cleanup finalizer'});
			}
		} catch (error) {
			if (!isStatusError(error, 'NotFound')) throw error;
		}
		if (cleaned) this.recorder.event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
	}
}
