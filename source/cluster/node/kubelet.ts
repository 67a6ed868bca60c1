// The kubelet of one node: registers the node's status, runs each pod bound to it as a pod-lifecycle
// machine, reports pod status through the API server, and finishes graceful deletions.
import {createActor, type Actor} from 'xstate';
import type {Node, Pod} from '../objects/types.js';
import {objectKey} from '../objects/types.js';
import {Component, type ComponentContext} from '../client/controller.js';
import type {Informer} from '../client/informer.js';
import {isStatusError} from '../api/index.js';
import {podLifecycleMachine, type ContainerPlan} from '../machines/pod-lifecycle.js';
import {ContainerRuntime} from './container-runtime.js';
import {computePodStatus, type PodPhaseState} from './pod-status.js';
import {registeredNodeStatus, registrationEvents, wellKnownLabels} from './node-status.js';
import {PodIPAllocator} from './pod-ip.js';

interface RunningPod {
	actor: Actor<typeof podLifecycleMachine>;
	pod: Pod;
	podIP?: string;
	startTime: number;
	/** Status as last written, to skip writes that change nothing. */
	written?: string;
}

/** Seconds a container takes to exit on SIGTERM (bounded by the grace period). */
const stopSeconds = 1;

export class Kubelet extends Component {
	private readonly pods: Informer<Pod>;
	private readonly nodes: Informer<Node>;
	private readonly runtime: ContainerRuntime;
	private readonly running = new Map<string, RunningPod>();
	private readonly dirty = new Set<string>();
	private readonly pendingEvents: Array<() => void> = [];
	private readonly ips = new PodIPAllocator();
	private registered = false;

	constructor(readonly nodeName: string, readonly hostIP: string, ctx: ComponentContext) {
		super(`kubelet/${nodeName}`, `system:node:${nodeName}`, ctx, {component: 'kubelet', host: nodeName});
		this.runtime = new ContainerRuntime(ctx.random, () => ctx.clock.now());
		this.pods = this.informer<Pod>('pods', {fieldSelector: `spec.nodeName=${nodeName}`});
		this.nodes = this.informer<Node>('nodes', {fieldSelector: `metadata.name=${nodeName}`});
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
		this.pods.start();
		this.nodes.start();
	}

	protected override hasOtherWork(): boolean {
		return !this.registered || this.dirty.size > 0 || this.pendingEvents.length > 0;
	}

	protected sync(key: string): void {
		const pod = this.pods.get(key);
		const running = this.running.get(key);
		if (!pod) {
			if (running) this.stopPod(key, running);
			return;
		}
		if (running) running.pod = pod;
		if (pod.metadata?.deletionTimestamp) {
			if (!running) return this.finish(pod); // nothing was started: nothing to stop
			const state = this.state(running);
			if (state === 'containerCreating' || state === 'running') {
				for (const c of pod.spec?.containers ?? []) {
					if (running.actor.getSnapshot().context.startedAt[c.name] !== undefined) {
						this.recorder.event(pod, 'Normal', 'Killing', `Stopping container ${c.name}`);
					}
				}
				running.actor.send({type: 'DELETE', graceSeconds: pod.metadata.deletionGracePeriodSeconds ?? 30});
			}
			return;
		}
		if (!running) this.start(key, pod);
	}

	private start(key: string, pod: Pod): void {
		const podIP = this.ips.allocate(key);
		if (!podIP) {
			this.recorder.event(pod, 'Warning', 'FailedCreatePodSandBox', this.ips.hasCIDR()
				? 'Failed to create pod sandbox: no IP addresses available in range set'
				: 'Failed to create pod sandbox: node has no pod CIDR assigned yet');
			this.queue.addAfter(key, 5);
			return;
		}
		const now = this.ctx.clock.now();
		const containers: ContainerPlan[] = (pod.spec?.containers ?? []).map(c => {
			const plan = this.runtime.pull(c.image!, c.imagePullPolicy);
			return {name: c.name, image: c.image!, pullMs: plan.pullMs, waitMs: plan.waitMs, readyAt: now + plan.pullMs, size: plan.size};
		});
		const grace = pod.spec?.terminationGracePeriodSeconds ?? 30;
		const actor = createActor(podLifecycleMachine, {
			input: {containers, stopSeconds: Math.min(stopSeconds, grace), now: () => this.ctx.clock.now()},
			clock: this.ctx.clock.simulated,
		});
		const entry: RunningPod = {actor, pod, podIP, startTime: now};
		this.running.set(key, entry);
		actor.on('kubelet.event', e => this.pendingEvents.push(() => this.recorder.event(entry.pod, e.eventType, e.reason, e.message)));
		actor.subscribe(() => this.dirty.add(key));
		actor.start();
		this.dirty.add(key);
	}

	private stopPod(key: string, running: RunningPod): void {
		running.actor.stop();
		this.running.delete(key);
		this.dirty.delete(key);
		this.ips.release(key);
	}

	private state(running: RunningPod): PodPhaseState {
		const value = running.actor.getSnapshot().value;
		return (typeof value === 'string' ? value : Object.keys(value)[0]) as PodPhaseState;
	}

	/** The status manager: write what changed, and remove pods whose containers have all stopped. */
	protected override afterSync(): void {
		if (!this.registered) this.register();
		for (const flush of this.pendingEvents.splice(0)) flush();
		for (const key of [...this.dirty].sort()) {
			this.dirty.delete(key);
			const running = this.running.get(key);
			if (!running) continue;
			const state = this.state(running);
			if (state === 'terminated') {
				this.finish(running.pod);
				this.stopPod(key, running);
				continue;
			}
			const status = computePodStatus(running.pod, {state, context: running.actor.getSnapshot().context, podIP: running.podIP, hostIP: this.hostIP, startTime: running.startTime}, this.ctx.clock);
			const text = JSON.stringify(status);
			if (text === running.written) continue;
			const {resourceVersion: _, ...metadata} = running.pod.metadata!;
			try {
				this.client.updateStatus('pods', {...running.pod, metadata, status}, {reason: `pod ${state === 'running' ? 'running, ready' : state}`});
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
	}

	/** Images on this node, as node.status.images would list them. */
	images(): string[] {
		return this.runtime.images();
	}

	shutdown(): void {
		for (const [key, running] of this.running) this.stopPod(key, running);
		this.stop();
	}
}
