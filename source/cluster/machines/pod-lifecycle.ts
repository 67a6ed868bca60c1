// One pod's life on its node, as the kubelet drives it: for each container in order, pull its image
// (or find it present), create and start it; then Running; on deletion, stop the containers within the
// grace period. Delays run on the cluster's SimulatedClock. The kubelet reflects the state into
// pod.status and turns the emitted `kubelet.event`s into Event objects.
import {setup, assign, emit} from 'xstate';

export interface ContainerPlan {
	name: string;
	image: string;
	/** ms from the pod's start until the image is on the node (0: already present and not re-pulled). */
	pullMs: number;
	/** Epoch ms when the image is on the node. */
	readyAt: number;
	/** ms of that spent waiting behind other pulls (the kubelet pulls one image at a time). */
	waitMs: number;
	/** Image size in bytes, for the Pulled message. */
	size: number;
}

export interface PodLifecycleInput {
	containers: ContainerPlan[];
	/** Seconds a container takes to exit after SIGTERM (bounded by the grace period). */
	stopSeconds: number;
	now: () => number;
}

export interface PodLifecycleContext extends PodLifecycleInput {
	/** Index of the container being brought up. */
	index: number;
	/** Start time (epoch ms) of each started container, by name. */
	startedAt: Record<string, number>;
	/** Grace period the deletion asked for, seconds. */
	graceSeconds: number;
}

export type PodLifecycleEvent = {type: 'DELETE'; graceSeconds: number};

export interface KubeletEvent {
	type: 'kubelet.event';
	eventType: 'Normal' | 'Warning';
	reason: string;
	message: string;
}

/** Go's time.Duration text after Truncate(ms): 850ms, 2s, 2.412s. */
export function goDuration(ms: number): string {
	if (ms < 1000) return `${Math.round(ms)}ms`;
	return `${Number((ms / 1000).toFixed(3))}s`;
}

const current = (context: PodLifecycleContext) => context.containers[context.index]!;

export const podLifecycleMachine = setup({
	types: {
		context: {} as PodLifecycleContext,
		events: {} as PodLifecycleEvent,
		input: {} as PodLifecycleInput,
		emitted: {} as KubeletEvent,
	},
	delays: {
		pullDelay: ({context}) => Math.max(0, current(context).readyAt - context.now()),
		stopDelay: ({context}) => Math.min(context.stopSeconds, context.graceSeconds) * 1000,
	},
	guards: {
		imagePresent: ({context}) => current(context).pullMs === 0,
		moreContainers: ({context}) => context.index + 1 < context.containers.length,
		noContainers: ({context}) => context.containers.length === 0,
	},
	actions: {
		announcePull: emit(({context}) => {
			const c = current(context);
			return c.pullMs === 0
				? {type: 'kubelet.event' as const, eventType: 'Normal' as const, reason: 'Pulled', message: `Container image "${c.image}" already present on machine`}
				: {type: 'kubelet.event' as const, eventType: 'Normal' as const, reason: 'Pulling', message: `Pulling image "${c.image}"`};
		}),
		announcePulled: emit(({context}) => {
			const c = current(context);
			const pulling = goDuration(c.pullMs - c.waitMs);
			return {type: 'kubelet.event' as const, eventType: 'Normal' as const, reason: 'Pulled', message: `Successfully pulled image "${c.image}" in ${pulling} (${goDuration(c.pullMs)} including waiting). Image size: ${c.size} bytes.`};
		}),
		announceCreated: emit(({context}) => ({type: 'kubelet.event' as const, eventType: 'Normal' as const, reason: 'Created', message: `Created container: ${current(context).name}`})),
		announceStarted: emit(({context}) => ({type: 'kubelet.event' as const, eventType: 'Normal' as const, reason: 'Started', message: `Started container ${current(context).name}`})),
		markStarted: assign({startedAt: ({context}) => ({...context.startedAt, [current(context).name]: context.now()})}),
		nextContainer: assign({index: ({context}) => context.index + 1}),
		rememberGrace: assign({graceSeconds: ({event}) => event.graceSeconds}),
	},
}).createMachine({
	id: 'pod',
	context: ({input}) => ({...input, index: 0, startedAt: {}, graceSeconds: 30}),
	initial: 'containerCreating',
	states: {
		containerCreating: {
			initial: 'start',
			on: {DELETE: {target: 'terminating', actions: 'rememberGrace'}},
			states: {
				start: {
					always: [{guard: 'noContainers', target: '#pod.running'}, {target: 'pulling'}],
				},
				pulling: {
					entry: 'announcePull',
					always: {guard: 'imagePresent', target: 'creating'},
					after: {pullDelay: {target: 'creating', actions: 'announcePulled'}},
				},
				creating: {
					entry: ['announceCreated', 'markStarted', 'announceStarted'],
					always: [
						{guard: 'moreContainers', target: 'pulling', actions: 'nextContainer'},
						{target: '#pod.running'},
					],
				},
			},
		},
		running: {on: {DELETE: {target: 'terminating', actions: 'rememberGrace'}}},
		terminating: {
			after: {stopDelay: 'terminated'},
		},
		terminated: {type: 'final'},
	},
});
