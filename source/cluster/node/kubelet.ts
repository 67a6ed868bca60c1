// The kubelet of one node: registers the node's status, runs each pod bound to it in a pod worker
// machine, reports pod status through the API server, and finishes graceful deletions.
import type {ConfigMap, Node, Pod, Secret} from '../objects/types.js';
import {objectKey} from '../objects/types.js';
import {Component, type ComponentContext, type ComponentStatus} from '../client/controller.js';
import type {Informer} from '../client/informer.js';
import {isStatusError} from '../api/index.js';
import {ContainerRuntime} from './container-runtime.js';
import {computePodStatus} from './pod-status.js';
import {PodWorker, type WorkerHost} from './pod-worker.js';
import {admitPod} from './kubelet-admission.js';
import type {Timers} from './container-process.js';
import type {LogLine} from './logs.js';
import {registeredNodeStatus, registrationEvents, wellKnownLabels} from './node-status.js';
import {PodIPAllocator} from './pod-ip.js';
import {NodeLease} from './node-lease.js';
import {NodeHeartbeat} from './node-heartbeat.js';
import {clusterDNS} from './cluster-dns.js';

interface RunningPod {
	worker: PodWorker;
	pod: Pod;
	podIP?: string;
	startTime: number;
	/** Status as last written, to skip writes that change nothing. */
	written?: string;
}

export class Kubelet extends Component {
	private readonly pods: Informer<Pod>;
	private readonly nodes: Informer<Node>;
	private readonly runtime: ContainerRuntime;
	private readonly configMaps: Informer<ConfigMap>;
	private readonly secrets: Informer<Secret>;
	private readonly timers: Timers;
	/** What every pod worker on this node shares. */
	private readonly services: WorkerHost;
	/** Pods this kubelet refused to run (kubelet admission): never started again. */
	private readonly rejected = new Set<string>();
	private readonly running = new Map<string, RunningPod>();
	private readonly dirty = new Set<string>();
	private readonly pendingEvents: Array<() => void> = [];
	private readonly ips = new PodIPAllocator();
	private registered = false;
	private readonly lease: NodeLease;
	private readonly heartbeat: NodeHeartbeat;
	/** Cut off from the API server (`partition NODE`): no reads, no writes; its containers run on. */
	partitioned = false;
	override readonly process = 'kubelet';

	constructor(readonly nodeName: string, readonly hostIP: string, ctx: ComponentContext) {
		super(`kubelet/${nodeName}`, `system:node:${nodeName}`, ctx, {component: 'kubelet', host: nodeName});
		this.runtime = new ContainerRuntime(ctx.random, () => ctx.clock.now());
		this.pods = this.informer<Pod>('pods', {fieldSelector: `spec.nodeName=${nodeName}`});
		this.nodes = this.informer<Node>('nodes', {fieldSelector: `metadata.name=${nodeName}`});
		this.configMaps = this.informer<ConfigMap>('configmaps');
		this.secrets = this.informer<Secret>('secrets');
		const simulated = ctx.clock.simulated;
		// The pods' resolver: cluster DNS (CoreDNS answers from the API's Services and EndpointSlices).
		const dns = clusterDNS(this.client);
		this.timers = {now: () => ctx.clock.now(), after: (ms, fn) => simulated.setTimeout(fn, ms), cancel: id => simulated.clearTimeout(id)};
		this.services = {
			timers: this.timers, runtime: this.runtime, hostIP,
			objects: {
				configMap: (namespace, name) => this.configMaps.get(`${namespace}/${name}`),
				secret: (namespace, name) => this.secrets.get(`${namespace}/${name}`),
			},
			event: (worker, type, reason, message) => this.pendingEvents.push(() => this.recorder.event(worker.pod, type, reason, message)),
			changed: worker => this.dirty.add(worker.key),
			resolve: (name, namespace) => dns.resolveServiceName(name, namespace)?.[0],
		};
		const enqueue = (pod: Pod) => this.queue.add(objectKey(pod));
		this.on(this.pods, {add: enqueue, update: (_, pod) => enqueue(pod), delete: enqueue});
		this.on(this.nodes, {
			update: (old, node) => {
				if (node.spec?.podCIDR && node.spec.podCIDR !== old.spec?.podCIDR) {
					this.ips.setCIDR(node.spec.podCIDR);
					for (const pod of this.pods.list()) this.queue.add(objectKey(pod)); // pods waiting for an IP
				}
				if (Boolean(old.spec?.unschedulable) !== Boolean(node.spec?.unschedulable)) {
					const status = node.spec?.unschedulable ? 'NodeNotSchedulable' : 'NodeSchedulable';
					this.pendingEvents.push(() => this.recorder.event(node, 'Normal', status, `Node ${nodeName} status is now: ${status}`));
				}
			},
			add: node => {
				if (node.spec?.podCIDR) this.ips.setCIDR(node.spec.podCIDR);
			},
		});
		this.lease = new NodeLease(nodeName, this.client, ctx.clock);
		this.heartbeat = new NodeHeartbeat(nodeName, hostIP, this.client, ctx.clock, (node, type, reason, message) => this.recorder.event(node, type, reason, message));
		this.pods.start();
		this.nodes.start();
		this.configMaps.start();
		this.secrets.start();
	}

	protected override hasOtherWork(): boolean {
		return !this.registered || this.dirty.size > 0 || this.pendingEvents.length > 0 || this.lease.due() || this.heartbeat.due();
	}

	protected sync(key: string): void {
		const pod = this.pods.get(key);
		const running = this.running.get(key);
		if (!pod) {
			this.rejected.delete(key);
			if (running) this.stopPod(key, running);
			return;
		}
		if (running) {
			running.pod = pod;
			running.worker.pod = pod;
		}
		if (pod.metadata?.deletionTimestamp) {
			if (!running) return this.finish(pod); // nothing was started: nothing to stop
			running.worker.pod = pod;
			running.worker.terminate(pod.metadata.deletionGracePeriodSeconds ?? 30);
			this.dirty.add(key);
			return;
		}
		if (!running && !this.rejected.has(key) && pod.status?.phase !== 'Failed' && pod.status?.phase !== 'Succeeded') this.start(key, pod);
	}

	private start(key: string, pod: Pod): void {
		// Pods that have finished (Succeeded, Failed) no longer hold their requests.
		const admitted = [...this.running.values()].map(r => r.pod).filter(p => p.status?.phase !== 'Succeeded' && p.status?.phase !== 'Failed');
		const rejection = admitPod(pod, this.nodes.get(this.nodeName), admitted);
		if (rejection) return this.reject(key, pod, rejection.reason, rejection.message);
		const podIP = this.ips.allocate(key);
		if (!podIP) {
			this.recorder.event(pod, 'Warning', 'FailedCreatePodSandBox', this.ips.hasCIDR()
				? 'Failed to create pod sandbox: no IP addresses available in range set'
				: 'Failed to create pod sandbox: node has no pod CIDR assigned yet');
			this.queue.addAfter(key, 5);
			return;
		}
		const now = this.ctx.clock.now();
		const worker = new PodWorker(pod, key, podIP, this.services);
		const entry: RunningPod = {worker, pod, podIP, startTime: now};
		this.running.set(key, entry);
		this.dirty.add(key);
		worker.start();
	}

	/** Kubelet admission refused the pod: it fails at once, with the reason as its status. */
	private reject(key: string, pod: Pod, reason: string, message: string): void {
		this.rejected.add(key);
		this.recorder.event(pod, 'Warning', reason, message);
		const {resourceVersion: _, ...metadata} = pod.metadata!;
		try {
			this.client.updateStatus('pods', {...pod, metadata, status: {...pod.status, phase: 'Failed', reason, message: `Pod was rejected: ${message}`, startTime: this.ctx.clock.timestamp()}}, {reason: `pod rejected: ${reason}`});
		} catch (error) {
			if (!isStatusError(error, 'NotFound')) throw error;
		}
	}

	private stopPod(key: string, running: RunningPod): void {
		running.worker.dispose();
		this.running.delete(key);
		this.dirty.delete(key);
		this.ips.release(key);
	}

	/** The status manager: write what changed, and remove pods whose containers have all stopped. */
	protected override afterSync(): void {
		if (!this.registered) this.register();
		if (this.registered && this.heartbeat.due()) this.heartbeat.update(this.nodes.get(this.nodeName));
		if (this.registered && this.lease.due()) this.lease.renew(this.nodes.get(this.nodeName));
		for (const flush of this.pendingEvents.splice(0)) flush();
		for (const key of [...this.dirty].sort()) {
			this.dirty.delete(key);
			const running = this.running.get(key);
			if (!running) continue;
			if (running.worker.terminated) {
				this.finish(running.pod);
				this.stopPod(key, running);
				continue;
			}
			const status = computePodStatus(running.pod, {worker: running.worker, podIP: running.podIP, hostIP: this.hostIP, startTime: running.startTime}, this.ctx.clock);
			const text = JSON.stringify(status);
			if (text === running.written) continue;
			const {resourceVersion: _, ...metadata} = running.pod.metadata!;
			try {
				this.client.updateStatus('pods', {...running.pod, metadata, status}, {reason: `pod ${status.phase}`});
				running.written = text;
			} catch (error) {
				if (!isStatusError(error, 'NotFound')) throw error;
			}
		}
	}

	/** The final delete with grace period 0, once nothing runs. */
	private finish(pod: Pod): void {
		try {
			this.client.delete('pods', pod.metadata!.name!, {namespace: pod.metadata!.namespace, gracePeriodSeconds: 0, preconditions: {uid: pod.metadata!.uid}, reason: 'all containers stopped'});
		} catch (error) {
			if (!isStatusError(error, 'NotFound') && !isStatusError(error, 'Conflict')) throw error;
		}
	}

	private register(): void {
		let node = this.nodes.get(this.nodeName) ?? this.client.find<Node>('nodes', this.nodeName);
		if (!node) return;
		// The well-known labels a kubelet puts on its node when it registers.
		const wellKnown = wellKnownLabels(this.nodeName);
		const missing = Object.entries(wellKnown).filter(([key]) => node!.metadata?.labels?.[key] === undefined);
		if (missing.length > 0) {
			node = this.client.patch<Node>('nodes', this.nodeName, {metadata: {labels: Object.fromEntries(missing)}}, {reason: 'kubelet registration: well-known labels'});
		}
		const {resourceVersion: _, ...metadata} = node.metadata!;
		const updated = this.client.updateStatus<Node>('nodes', {...node, metadata, status: registeredNodeStatus(node, this.hostIP, this.ctx.clock)}, {reason: 'kubelet started: node status'});
		for (const [type, reason, message] of registrationEvents(this.nodeName)) this.recorder.event(updated, type, reason, message);
		this.registered = true;
		this.heartbeat.reported();
	}

	/** A container's log lines (current or previous instance), or why there are none. */
	logs(namespace: string, name: string, container: string | undefined, previous: boolean): LogLine[] | string {
		const running = this.running.get(`${namespace}/${name}`);
		if (!running) return `pod "${name}" is not running on node ${this.nodeName}`;
		const runs = running.worker.runs;
		const run = container === undefined ? runs.find(r => r.role === 'regular') : running.worker.find(container);
		if (!run) return `container ${container} is not valid for pod ${name}`;
		const state = running.worker.state(run);
		if (previous) return run.logs.previous ?? `previous terminated container "${run.spec.name}" in pod "${name}" not found`;
		if (state.runs === 0) return `container "${run.spec.name}" in pod "${name}" is waiting to start: ${state.waiting.reason}`;
		return run.logs.current();
	}

	/** Images on this node, as node.status.images would list them. */
	images(): string[] {
		return this.runtime.images();
	}

	override runOnce(): void {
		// A partitioned kubelet cannot reach the API server: what it would do waits in its queue until heal.
		if (this.partitioned) return this.queue.advance();
		super.runOnce();
	}

	/** A restarted kubelet registers again and reports every pod's status afresh (its status cache is gone). */
	override resume(): void {
		super.resume();
		this.registered = false;
		this.resync();
	}

	/** Report every pod's status again (after a restart or a partition: the API server may hold other values). */
	resync(): void {
		for (const [key, running] of this.running) {
			running.written = undefined;
			this.dirty.add(key);
		}
	}

	override status(): ComponentStatus {
		const status = super.status();
		return this.partitioned && status.state !== 'stopped' ? {...status, state: 'partitioned', lastError: 'cannot reach the API server'} : status;
	}

	shutdown(): void {
		for (const [key, running] of this.running) this.stopPod(key, running);
		this.stop();
	}
}
