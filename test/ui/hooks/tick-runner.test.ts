import test from 'ava';
import {TickRunner} from '../../../source/ui/hooks/tick-runner.js';
import {clockText, formatRate} from '../../../source/ui/layout/header.js';
import {ticksToQueue} from '../../../source/ui/hooks/use-player.js';

/** A cluster whose ticks have `phases` phases each, logged; slices run only when the test says so. */
function harness(phases = 3) {
	const log: string[] = [];
	let tick = 0;
	const cluster = {
		*stepInPhases() {
			const n = ++tick;
			for (let p = 1; p <= phases; p++) {
				log.push(`tick ${n} phase ${p}`);
				if (p < phases) yield;
			}
		},
	};
	const slices: Array<() => void> = [];
	let wall = 0;
	let playing = true;
	const runner = new TickRunner(cluster, () => playing, {sliceMs: 0, now: () => wall, defer: next => slices.push(next)});
	const turn = () => slices.shift()?.();
	const drain = () => {
		while (slices.length) turn();
	};
	return {runner, log, turn, drain, pause: () => (playing = false), advanceWall: (ms: number) => (wall += ms)};
}

test('a tick runs one phase per slice, giving the event loop a turn between phases', t => {
	const {runner, log, turn} = harness(3);
	runner.step(1);
	t.true(runner.busy);
	t.deepEqual(log, [], 'nothing runs inside step(): the caller returns to the event loop first');
	turn();
	t.deepEqual(log, ['tick 1 phase 1']);
	turn();
	t.deepEqual(log, ['tick 1 phase 1', 'tick 1 phase 2']);
	turn();
	turn();
	t.false(runner.busy);
	t.is(log.length, 3);
});

test('a command asked for during a tick runs after that tick, in the order asked, never between phases', t => {
	const {runner, log, turn, drain} = harness(3);
	runner.step(1);
	turn();
	runner.command(() => log.push('scale'));
	runner.step(1);
	runner.command(() => log.push('cordon'));
	drain();
	t.deepEqual(log, [
		'tick 1 phase 1', 'tick 1 phase 2', 'tick 1 phase 3',
		'scale',
		'tick 2 phase 1', 'tick 2 phase 2', 'tick 2 phase 3',
		'cordon',
	]);
});

test('a command when nothing is queued runs at once', t => {
	const {runner, log} = harness();
	runner.command(() => log.push('now'));
	t.deepEqual(log, ['now']);
	t.false(runner.busy);
});

test('pausing drops the player ticks not yet started; the tick in progress completes; the user\'s n still runs', t => {
	const {runner, log, turn, drain, pause} = harness(2);
	runner.step(3, true);
	turn();
	pause();
	runner.step(1);
	drain();
	t.deepEqual(log, ['tick 1 phase 1', 'tick 1 phase 2', 'tick 2 phase 1', 'tick 2 phase 2']);
	t.is(runner.queuedPlayerTicks, 0);
});

test('a tick that throws is reported, later ticks are dropped, commands still run', t => {
	const log: string[] = [];
	const errors: unknown[] = [];
	const slices: Array<() => void> = [];
	const runner = new TickRunner({
		*stepInPhases() {
			yield;
			throw new Error('boom');
		},
	}, () => true, {sliceMs: 0, now: () => 0, defer: next => slices.push(next), onError: e => errors.push(e)});
	runner.step(2);
	runner.command(() => log.push('after'));
	while (slices.length) slices.shift()!();
	t.is((errors[0] as Error).message, 'boom');
	t.is(errors.length, 1);
	t.deepEqual(log, ['after']);
	t.false(runner.busy);
});

test('the achieved rate counts ticks completed in the last seconds of wall time', t => {
	const {runner, drain, advanceWall} = harness(1);
	t.is(runner.rate(), undefined, 'not measuring before the player starts');
	runner.measureFrom();
	advanceWall(400);
	runner.step(1);
	drain();
	t.is(runner.rate(), undefined, 'too early to tell');
	for (let i = 0; i < 3; i++) {
		advanceWall(400);
		runner.step(1);
		drain();
	}
	// Four ticks in 1.6 s of playing: 2.5 ticks a second.
	t.is(runner.rate(), 2.5);
	advanceWall(8000);
	t.is(runner.rate(), 0, 'no tick completed in the last seconds: the rate says so');
});

test('the player queues at most one interval of ticks ahead when ticks are slow', t => {
	t.is(ticksToQueue(2, 0, 2), 2);
	t.is(ticksToQueue(2, 1, 2), 1);
	t.is(ticksToQueue(2, 2, 2), 0);
	t.is(ticksToQueue(1, 0, 0.5), 1);
});

test('the header shows the achieved rate only when ticks fall behind the speed, and a running step when paused', t => {
	t.is(clockText(true, '16x', {busy: true, behind: true, rate: 2.7}), 'Playing 16x (2.7/s)');
	t.is(clockText(true, '2x', {busy: true, behind: false, rate: 1.5}), 'Playing 2x', 'keeping up: no rate');
	t.is(clockText(true, '2x', {busy: false, behind: true, rate: undefined}), 'Playing 2x');
	t.is(clockText(false, '1x', {busy: true, behind: false, rate: undefined}), 'Paused · 1x · ticking…');
	t.is(clockText(false, '1x'), 'Paused · 1x');
	t.is(formatRate(12.4), '12');
	t.is(formatRate(0.44), '0.4');
});
