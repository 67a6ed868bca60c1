// What every component of the simulated cluster shares: an API client with its identity, informers,
// a work queue and a loop whose state is an xstate machine. Subclasses implement sync(key).
import {createActor, type Actor} from 'xstate';
import type {ApiClient} from '../api/index.js';
import type {KubeObject} from '../objects/types.js';
import type {Clock} from '../sim/clock.js';
import type {Random} from '../sim/random.js';
import {controllerLoopMachine} from '../machines/controller-loop.js';
import type {Informer, EventHandlers, InformerOptions} from './informer.js';
import type {SharedInformerFactory} from './informer-factory.js';
import {WorkQueue} from './workqueue.js';
import {EventRecorder, type EventSource} from './event-recorder.js';

/** What a component gets from the cluster: never the API server itself, only clients bound to an identity. */
export interface ComponentContext {
	/** A client that acts as `identity`: every write it makes is traced under that name. */
	clientFor(identity: string): ApiClient;
	clock: Clock;
	random: Random;
	/** Shared informers, synced at the start of each tick. */
	informers: SharedInformerFactory;
}

export interface ComponentStatus {
	name: string;
	identity: string;
	/** The process it runs in: controller-manager, scheduler, cloud-controller-manager, kubelet. */
	process: string;
	/** idle, reconciling, backoff, stopped (its process was stopped), partitioned (a kubelet cut off). */
	state: string;
	queue: number;
	passes: number;
	failures: number;
	lastError?: string;
}

export abstract class Component {
	readonly client: ApiClient;
	readonly queue = new WorkQueue();
	readonly loop: Actor<typeof controllerLoopMachine>;
	protected readonly recorder: EventRecorder;

	constructor(readonly name: string, readonly identity: string, protected readonly ctx: ComponentContext, source: EventSource) {
		this.client = ctx.clientFor(identity);
		this.recorder = new EventRecorder(this.client, source, ctx.clock);
		this.loop = createActor(controllerLoopMachine, {clock: ctx.clock.simulated}).start();
	}

	/** The process the component runs in: `stop NAME` stops all of a process's components together. */
	readonly process: string = 'controller-manager';

	private readonly ownInformers: Informer<any>[] = [];

	/** The shared informer of a resource (one cache for every component that asks). */
	protected informer<T extends KubeObject>(resource: string, options?: InformerOptions): Informer<T> {
		const informer = this.ctx.informers.informer<T>(resource, options);
		this.ownInformers.push(informer);
		return informer;
	}

	/** This component's handlers on a shared informer; a handler that throws is traced under this component's identity. */
	protected on<T extends KubeObject>(informer: Informer<T>, handlers: EventHandlers<T>): void {
		informer.addEventHandler(handlers, this.client);
	}

	/** Stop watching and stop the loop: the component is gone (a node's kubelet when the node is deleted). */
	stop(): void {
		for (const informer of this.ownInformers) this.ctx.informers.release(informer);
		this.loop.stop();
	}

	/** Stop the process (`stop scheduler`): the loop does nothing until resumed; its informers keep their caches. */
	pause(): void {
		this.loop.send({type: 'PAUSE'});
	}

	resume(): void {
		this.loop.send({type: 'RESUME'});
	}

	get stopped(): boolean {
		return this.loop.getSnapshot().value === 'paused';
	}

	/** Reconcile one key. Throw to have it retried with backoff. */
	protected abstract sync(key: string): void;

	/** Extra work once per pass, after the queue (e.g. the kubelet's status manager). */
	protected afterSync(): void {}

	/** Whether there is anything for a pass to do besides the queue. */
	protected hasOtherWork(): boolean {
		return false;
	}

	/** One pass of the loop, run by the tick engine in a fixed order. */
	runOnce(): void {
		this.queue.advance();
		const state = this.loop.getSnapshot().value;
		if (state !== 'idle') return;
		if (this.queue.length === 0 && !this.hasOtherWork()) return;
		this.loop.send({type: 'RECONCILE'});
		try {
			for (const key of this.queue.drain()) {
				try {
					this.sync(key);
					this.queue.forget(key);
				} catch (error) {
					this.onSyncError(key, error);
				}
			}
			this.afterSync();
			this.loop.send({type: 'SYNCED'});
		} catch (error) {
			this.loop.send({type: 'FAILED', error: (error as Error).message});
		}
	}

	protected onSyncError(key: string, _error: unknown): void {
		this.queue.addRateLimited(key);
	}

	status(): ComponentStatus {
		const snapshot = this.loop.getSnapshot();
		return {
			name: this.name, identity: this.identity, process: this.process, state: snapshot.value === 'paused' ? 'stopped' : String(snapshot.value), queue: this.queue.length + this.queue.waiting,
			passes: snapshot.context.passes, failures: snapshot.context.failures, lastError: snapshot.context.lastError,
		};
	}
}
