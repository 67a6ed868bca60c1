import test from 'ava';
import type {Cluster, Node} from '../../../source/cluster/index.js';
import {App} from '../../../source/ui/app.js';
import type {DashboardCluster} from '../../../source/ui/snapshot/snapshot.js';
import {speeds} from '../../../source/ui/state/types.js';
import {defaultCluster} from '../helpers/cluster.js';
import {renderTerminal} from '../helpers/terminal.js';

const keys = {tab: '\t', enter: '\r', space: ' '};

/** The default cluster, whose ticks hold in their first phase until released: a tick as long as the test wants. */
function heldCluster(): {cluster: Cluster; wrapped: DashboardCluster; release(): void; runs: string[]; started(): number} {
	const cluster = defaultCluster();
	let held = true;
	let started = 0;
	const runs: string[] = [];
	const wrapped: DashboardCluster = {
		name: cluster.name, clock: cluster.clock, client: cluster.client, kubectl: cluster.kubectl, subscribe: l => cluster.subscribe(l), operations: () => cluster.operations(),
		step: n => cluster.step(n),
		*stepInPhases() {
			started++;
			while (held) yield;
			yield* cluster.stepInPhases();
		},
		run(command) {
			runs.push(`${command} after tick ${cluster.clock.tick}`);
			return cluster.run(command);
		},
	};
	return {cluster, wrapped, runs, release: () => (held = false), started: () => started};
}

test('keys typed during a long tick are handled at once, in order; a command waits for the tick to end', async t => {
	const {cluster, wrapped, runs, release} = heldCluster();
	const term = await renderTerminal(<App cluster={wrapped} color={false} tickSlice={0} />, {columns: 120, rows: 40});
	await term.press('n');
	await term.waitFor(f => f.includes('Tick 0 · Paused · 1x · ticking…'));
	// Tab moves the focus while the tick still runs; the command is taken but waits; a second n queues.
	await term.press(keys.tab);
	await term.waitFor(f => f.includes('<events>'));
	await term.press(':', ...'cordon worker-1', keys.enter, 'n');
	t.deepEqual(runs, [], 'no command runs in the middle of a tick');
	t.is(cluster.clock.tick, 0);
	release();
	await term.waitFor(f => f.includes('Tick 2 · Paused · 1x') && !f.includes('ticking'));
	t.deepEqual(runs, ['cordon worker-1 after tick 1'], 'the command ran between the two ticks, in the order typed');
	t.true(cluster.client.get<Node>('nodes', 'worker-1').spec?.unschedulable === true);
	term.unmount();
});

test('space while playing pauses at once: the tick in progress completes, the queued ones never start', async t => {
	const {cluster, wrapped, release, started} = heldCluster();
	const term = await renderTerminal(<App cluster={wrapped} color={false} tickSlice={0} initial={{playing: true, speed: speeds.indexOf(16)}} />, {columns: 120, rows: 40});
	// At 16x the player queues two ticks per interval; the first holds.
	await term.waitFor(f => f.includes('Playing 16x'));
	await term.waitFor(() => started() === 1);
	await term.press(keys.space);
	await term.waitFor(f => f.includes('Tick 0 · Paused · 16x · ticking…'));
	release();
	await term.waitFor(f => f.includes('Tick 1 ·') && !f.includes('ticking'));
	// Three intervals later still tick 1: nothing was left queued to run after the pause.
	await new Promise(resolve => setTimeout(resolve, 400));
	t.is(cluster.clock.tick, 1);
	t.is(started(), 1, 'the second queued tick never started');
	t.true(term.lastFrame().includes('Tick 1 · Paused · 16x'));
	term.unmount();
});
