// The EndpointSlice controller (pkg/controller/endpointslice): for every Service with a selector, slices of at most 100
// endpoints, one per selected pod that has an IP and is not finished, with ready/serving/terminating, nodeName, zone and
// targetRef; an empty placeholder slice when no pod matches. Pods are matched through the Services of their own
// namespace only, so a pod that no Service selects costs one map lookup.
import type {EndpointSlice, Endpoint, EndpointPort, Node, Pod, Service} from '../../objects/types.js';
import {objectKey} from '../../objects/types.js';
import {Component, type ComponentContext} from '../../client/controller.js';
import type {Informer} from '../../client/informer.js';
import {fromLabelSelector, type Selector} from '../../objects/labels.js';
import {isPodReady, isPodTerminal} from '../../objects/pod-status.js';
import {deepEqual} from '../../objects/clone.js';
import {isStatusError} from '../../api/index.js';
import {zoneLabel} from '../scheduler/cache.js';

export const serviceNameLabel = 'kubernetes.io/service-name';
export const managedByLabel = 'endpointslice.kubernetes.io/managed-by';
export const controllerName = 'endpointslice-controller.k8s.io';
/** --max-endpoints-per-slice. */
export const maxEndpointsPerSlice = 100;

const byNamespace = (obj: Pod) => [obj.metadata!.namespace!];
const byService = (slice: EndpointSlice) => {
	const labels = slice.metadata?.labels;
	return labels?.[managedByLabel] === controllerName && labels[serviceNameLabel] ? [`${slice.metadata!.namespace}/${labels[serviceNameLabel]}`] : [];
};

/** The port an endpoint serves for a Service port: a number, or a container port found by name. */
function targetPort(pod: Pod, target: number | string | undefined): number | undefined {
	if (typeof target === 'number') return target;
	for (const c of pod.spec?.containers ?? []) for (const p of c.ports ?? []) if (p.name === target) return p.containerPort;
	return undefined;
}

export class EndpointSliceController extends Component {
	private readonly services: Informer<Service>;
	private readonly pods: Informer<Pod>;
	private readonly slices: Informer<EndpointSlice>;
	private readonly nodes: Informer<Node>;
	/** Services with a selector, by namespace: what a pod event is matched against. */
	private readonly selectors = new Map<string, Map<string, Selector>>();

	constructor(ctx: ComponentContext) {
		super('endpointslice-controller', 'system:serviceaccount:kube-system:endpointslice-controller', ctx, {component: 'endpoint-slice-controller'});
		this.services = this.informer<Service>('services');
		this.pods = this.informer<Pod>('pods');
		this.slices = this.informer<EndpointSlice>('endpointslices');
		this.nodes = this.informer<Node>('nodes');
		this.pods.addIndex('namespace', byNamespace);
		this.slices.addIndex('endpointslice-service', byService);
		const service = (svc: Service) => {
			this.track(svc);
			this.queue.add(objectKey(svc));
		};
		this.on(this.services, {add: service, update: (_, svc) => service(svc), delete: service});
		this.on(this.pods, {add: pod => this.podChanged(pod), update: (old, pod) => this.podChanged(pod, old), delete: pod => this.podChanged(pod)});
		// A managed slice changed or removed by someone else is put back.
		const slice = (s: EndpointSlice) => {
			for (const key of byService(s)) this.queue.add(key);
		};
		this.on(this.slices, {update: (_, s) => slice(s), delete: slice});
		// A node's zone is part of its endpoints (the cloud labels nodes after they join): Services are few, requeue them.
		this.on(this.nodes, {update: (old, node) => {
			if (old.metadata?.labels?.[zoneLabel] === node.metadata?.labels?.[zoneLabel]) return;
			for (const inNamespace of this.selectors.values()) for (const key of inNamespace.keys()) this.queue.add(key);
		}});
		for (const informer of [this.services, this.pods, this.slices, this.nodes]) informer.start();
	}

	private track(svc: Service): void {
		const namespace = svc.metadata!.namespace!;
		const key = objectKey(svc);
		const selector = svc.spec?.selector;
		let inNamespace = this.selectors.get(namespace);
		if (!this.services.get(key) || !selector || Object.keys(selector).length === 0) {
			inNamespace?.delete(key);
			if (inNamespace?.size === 0) this.selectors.delete(namespace);
			return;
		}
		if (!inNamespace) this.selectors.set(namespace, (inNamespace = new Map()));
		inNamespace.set(key, fromLabelSelector({matchLabels: selector}));
	}

	private podChanged(pod: Pod, old?: Pod): void {
		const inNamespace = this.selectors.get(pod.metadata!.namespace!);
		if (!inNamespace) return;
		for (const [key, selector] of inNamespace) {
			if (selector.matches(pod.metadata?.labels) || (old && selector.matches(old.metadata?.labels))) this.queue.add(key);
		}
	}

	protected sync(key: string): void {
		const svc = this.services.get(key);
		// A deleted Service's slices go with it through their owner reference (the garbage collector).
		if (!svc || svc.metadata?.deletionTimestamp) return;
		const selector = this.selectors.get(svc.metadata!.namespace!)?.get(key);
		if (!selector) return;
		const pods = this.pods.byIndex('namespace', svc.metadata!.namespace!)
			.filter(p => selector.matches(p.metadata?.labels) && p.status?.podIP && !isPodTerminal(p))
			.sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
		const endpoints = pods.map(pod => this.endpoint(pod, svc));
		const ports: EndpointPort[] = [];
		for (const port of svc.spec?.ports ?? []) {
			const number = pods.map(p => targetPort(p, port.targetPort)).find(n => n !== undefined) ?? (typeof port.targetPort === 'number' ? port.targetPort : undefined);
			if (number !== undefined) ports.push({name: port.name ?? '', port: number, protocol: port.protocol ?? 'TCP'});
		}
		const chunks: Endpoint[][] = [];
		for (let i = 0; i < endpoints.length; i += maxEndpointsPerSlice) chunks.push(endpoints.slice(i, i + maxEndpointsPerSlice));
		if (chunks.length === 0) chunks.push([]); // the placeholder slice
		const existing = this.slices.byIndex('endpointslice-service', key).sort((a, b) => (a.metadata!.name! < b.metadata!.name! ? -1 : 1));
		for (const [i, chunk] of chunks.entries()) {
			const wanted = {endpoints: chunk, ports: chunk.length ? ports : []};
			const current = existing[i];
			if (!current) {
				this.client.create('endpointslices', this.newSlice(svc, wanted), {namespace: svc.metadata!.namespace, reason: `endpoints of service ${svc.metadata!.name}: ${chunk.length}`});
			} else if (!deepEqual(current.endpoints ?? [], wanted.endpoints) || !deepEqual(current.ports ?? [], wanted.ports)) {
				this.client.update('endpointslices', {...current, ...wanted}, {namespace: svc.metadata!.namespace, reason: `endpoints of service ${svc.metadata!.name}: ${chunk.length} (${chunk.filter(e => e.conditions?.ready).length} ready)`});
			}
		}
		for (const extra of existing.slice(chunks.length)) {
			try {
				this.client.delete('endpointslices', extra.metadata!.name!, {namespace: extra.metadata!.namespace, reason: 'fewer endpoints: slice no longer needed'});
			} catch (error) {
				if (!isStatusError(error, 'NotFound')) throw error;
			}
		}
	}

	private endpoint(pod: Pod, svc: Service): Endpoint {
		const terminating = !!pod.metadata?.deletionTimestamp;
		const ready = isPodReady(pod);
		const nodeName = pod.spec?.nodeName;
		const zone = nodeName ? this.nodes.get(nodeName)?.metadata?.labels?.[zoneLabel] : undefined;
		return {
			addresses: [pod.status!.podIP!],
			conditions: {ready: (svc.spec?.publishNotReadyAddresses || ready) && !terminating, serving: ready, terminating},
			...(nodeName ? {nodeName} : {}),
			...(zone ? {zone} : {}),
			targetRef: {kind: 'Pod', namespace: pod.metadata!.namespace, name: pod.metadata!.name, uid: pod.metadata!.uid},
		};
	}

	private newSlice(svc: Service, content: {endpoints: Endpoint[]; ports: EndpointPort[]}): EndpointSlice {
		const name = svc.metadata!.name!;
		return {
			apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice',
			metadata: {
				generateName: `${name.slice(0, 57)}-`, namespace: svc.metadata!.namespace,
				labels: {
					...svc.metadata?.labels, [serviceNameLabel]: name, [managedByLabel]: controllerName,
					...(svc.spec?.clusterIP === 'None' ? {'service.kubernetes.io/headless': ''} : {}),
				},
				ownerReferences: [{apiVersion: 'v1', kind: 'Service', name, uid: svc.metadata!.uid!, controller: true, blockOwnerDeletion: true}],
			},
			addressType: 'IPv4',
			...content,
		};
	}
}
