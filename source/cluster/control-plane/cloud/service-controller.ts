// The service controller (k8s.io/cloud-provider/controllers/service): a Service of type LoadBalancer gets the
// service.kubernetes.io/load-balancer-cleanup finalizer, then a load balancer from the cloud (EnsuringLoadBalancer,
// and once the cloud has it ready, status.loadBalancer.ingress and EnsuredLoadBalancer). A deleted Service, or one
// no longer of type LoadBalancer, has its load balancer released (DeletingLoadBalancer, DeletedLoadBalancer) and
// the finalizer removed.
import type {Service} from '../../objects/types.js';
import {objectKey} from '../../objects/types.js';
import {Component, type ComponentContext} from '../../client/controller.js';
import {processName} from './process.js';
import type {Informer} from '../../client/informer.js';
import {isStatusError} from '../../api/index.js';
import type {SimulatedCloud} from './provider.js';

export const cleanupFinalizer = 'service.kubernetes.io/load-balancer-cleanup';

export class ServiceController extends Component {
	override readonly process = processName;
	private readonly services: Informer<Service>;

	constructor(ctx: ComponentContext, private readonly cloud: SimulatedCloud) {
		super('service-controller', 'system:serviceaccount:kube-system:service-controller', ctx, {component: 'service-controller'});
		this.services = this.informer<Service>('services');
		const enqueue = (svc: Service) => {
			if (svc.spec?.type === 'LoadBalancer' || svc.metadata?.finalizers?.includes(cleanupFinalizer) || this.cloud.loadBalancer(objectKey(svc))) this.queue.add(objectKey(svc));
		};
		this.on(this.services, {add: enqueue, update: (_, svc) => enqueue(svc), delete: enqueue});
		this.services.start();
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
		if (had && svc) this.recorder.event(svc, 'Normal', 'DeletedLoadBalancer', 'Deleted load balancer');
		if (!svc) return;
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
	}
}
