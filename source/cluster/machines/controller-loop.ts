// A control loop's life as an xstate machine: idle -> reconciling -> idle, or -> backoff after a failed pass.
// It can be paused (a stopped component) and shown in the dashboard. The work itself is plain code in the
// component; the machine is the loop's state, and its backoff timer runs on the simulated clock.
import {setup, assign} from 'xstate';

export type ControllerLoopEvent =
	| {type: 'RECONCILE'}
	| {type: 'SYNCED'}
	| {type: 'FAILED'; error: string}
	| {type: 'PAUSE'}
	| {type: 'RESUME'};

export const controllerLoopMachine = setup({
	types: {
		context: {} as {failures: number; lastError?: string; passes: number},
		events: {} as ControllerLoopEvent,
	},
	delays: {
		// 1 s, 2 s, 4 s ... capped at 5 minutes, like a rate-limited controller.
		backoff: ({context}) => Math.min(1000 * 2 ** Math.max(0, context.failures - 1), 300_000),
	},
}).createMachine({
	id: 'controller-loop',
	initial: 'idle',
	context: {failures: 0, passes: 0},
	on: {PAUSE: '.paused'},
	states: {
		idle: {on: {RECONCILE: 'reconciling'}},
		reconciling: {
			on: {
				SYNCED: {target: 'idle', actions: assign({failures: 0, passes: ({context}) => context.passes + 1})},
				FAILED: {target: 'backoff', actions: assign({failures: ({context}) => context.failures + 1, lastError: ({event}) => event.error})},
			},
		},
		backoff: {after: {backoff: 'idle'}},
		paused: {on: {RESUME: 'idle'}},
	},
});
