// One container's state as the kubelet reports it: waiting (with a reason) -> running -> terminated,
// and back to waiting or running when the kubelet restarts it. The machine keeps what pod.status needs:
// the current state, the last termination, restartCount, started and ready. The kubelet's pod worker
// decides when (restart policy, back-off); this machine keeps the record straight.
import {setup, assign} from 'xstate';

export interface Termination {
	exitCode: number;
	reason: string;
	message?: string;
	signal?: number;
	startedAt: number;
	finishedAt: number;
	containerID: string;
}

export interface ContainerContext {
	name: string;
	image: string;
	/** Times the container has been started; restartCount is one less. */
	runs: number;
	waiting: {reason: string; message?: string};
	startedAt?: number;
	containerID?: string;
	terminated?: Termination;
	lastTerminated?: Termination;
	/** Startup probe passed (or none). */
	started: boolean;
	ready: boolean;
}

export type ContainerEvent =
	| {type: 'WAIT'; reason: string; message?: string}
	| {type: 'START'; at: number; containerID: string}
	| {type: 'EXIT'; exitCode: number; reason: string; message?: string; signal?: number; at: number}
	| {type: 'STARTED'}
	| {type: 'READY'; ready: boolean};

export const restartCount = (context: ContainerContext) => Math.max(0, context.runs - 1);

export const containerMachine = setup({
	types: {
		context: {} as ContainerContext,
		events: {} as ContainerEvent,
		input: {} as {name: string; image: string; reason: string},
	},
	actions: {
		wait: assign(({event}) => {
			const e = event as Extract<ContainerEvent, {type: 'WAIT'}>;
			return {waiting: {reason: e.reason, ...(e.message ? {message: e.message} : {})}};
		}),
		start: assign(({context, event}) => {
			const e = event as Extract<ContainerEvent, {type: 'START'}>;
			return {
				runs: context.runs + 1, startedAt: e.at, containerID: e.containerID, started: false, ready: false,
				lastTerminated: context.terminated ?? context.lastTerminated, terminated: undefined,
			};
		}),
		exit: assign(({context, event}) => {
			const e = event as Extract<ContainerEvent, {type: 'EXIT'}>;
			return {
				started: false, ready: false,
				terminated: {
					exitCode: e.exitCode, reason: e.reason, ...(e.message ? {message: e.message} : {}), ...(e.signal ? {signal: e.signal} : {}),
					startedAt: context.startedAt ?? e.at, finishedAt: e.at, containerID: context.containerID ?? '',
				},
			};
		}),
		keepLast: assign(({context}) => ({lastTerminated: context.terminated ?? context.lastTerminated, terminated: undefined})),
	},
}).createMachine({
	id: 'container',
	context: ({input}) => ({name: input.name, image: input.image, runs: 0, waiting: {reason: input.reason}, started: false, ready: false}),
	initial: 'waiting',
	states: {
		waiting: {
			on: {WAIT: {actions: 'wait'}, START: {target: 'running', actions: 'start'}},
		},
		running: {
			on: {
				EXIT: {target: 'terminated', actions: 'exit'},
				STARTED: {actions: assign({started: true})},
				READY: {actions: assign(({event}) => ({ready: event.ready}))},
			},
		},
		terminated: {
			on: {
				WAIT: {target: 'waiting', actions: ['keepLast', 'wait']},
				START: {target: 'running', actions: 'start'},
			},
		},
	},
});
