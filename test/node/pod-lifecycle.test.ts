import test from 'ava';
import {createActor, SimulatedClock} from 'xstate';
import {goDuration, podLifecycleMachine, type ContainerPlan, type KubeletEvent} from '../../source/cluster/machines/pod-lifecycle.js';

const EPOCH = Date.UTC(2026, 0, 1);

function run(containers: Array<Omit<ContainerPlan, 'readyAt'>>, stopSeconds = 1) {
	const clock = new SimulatedClock();
	const now = () => EPOCH + clock.now();
	const plans: ContainerPlan[] = containers.map(c => ({...c, readyAt: now() + c.pullMs}));
	const actor = createActor(podLifecycleMachine, {input: {containers: plans, stopSeconds, now}, clock});
	const emitted: KubeletEvent[] = [];
	const errors: unknown[] = [];
	actor.on('kubelet.event', e => emitted.push(e));
	actor.subscribe({error: error => errors.push(error)});
	actor.start();
	const state = () => {
		const value = actor.getSnapshot().value;
		return typeof value === 'string' ? value : `${Object.keys(value)[0]}.${Object.values(value)[0]}`;
	};
	const reasons = () => emitted.map(e => e.reason);
	/** Advance one second at a time, as the tick engine does. */
	const advance = (seconds: number) => {
		for (let i = 0; i < seconds; i++) clock.increment(1000);
	};
	return {actor, clock, emitted, errors, state, reasons, advance};
}

test('a pull announces Pulling, then Pulled/Created/Started once the pull delay has passed, then running', t => {
	const pod = run([{name: 'web', image: 'nginx:1.27', pullMs: 2500, waitMs: 0, size: 72_000_000}]);
	t.is(pod.state(), 'containerCreating.pulling');
	t.deepEqual(pod.reasons(), ['Pulling']);
	t.is(pod.emitted[0]!.message, 'Pulling image "nginx:1.27"');
	pod.advance(2);
	t.is(pod.state(), 'containerCreating.pulling');
	t.deepEqual(pod.actor.getSnapshot().context.startedAt, {});
	pod.advance(1);
	t.is(pod.state(), 'running');
	t.deepEqual(pod.reasons(), ['Pulling', 'Pulled', 'Created', 'Started']);
	t.deepEqual(pod.emitted.slice(1).map(e => e.message), [
		'Successfully pulled image "nginx:1.27" in 2.5s (2.5s including waiting). Image size: 72000000 bytes.',
		'Created container: web',
		'Started container web',
	]);
	t.true(pod.emitted.every(e => e.eventType === 'Normal'));
	// Started once the pull finished (2.5 s): the timer fires within the 1 s step that passes it.
	const started = pod.actor.getSnapshot().context.startedAt['web']!;
	t.true(started >= EPOCH + 2500 && started <= EPOCH + 3000, String(started - EPOCH));
	t.deepEqual(pod.errors, []);
});

test('the Pulled message separates pulling from waiting behind other pulls', t => {
	const pod = run([{name: 'web', image: 'redis:7', pullMs: 3000, waitMs: 1800, size: 45_000_000}]);
	pod.advance(3);
	t.is(pod.emitted.find(e => e.reason === 'Pulled')!.message, 'Successfully pulled image "redis:7" in 1.2s (3s including waiting). Image size: 45000000 bytes.');
});

test('an image already present: Pulled "already present", Created, Started at once', t => {
	const pod = run([{name: 'web', image: 'nginx:1.27', pullMs: 0, waitMs: 0, size: 72_000_000}]);
	t.is(pod.state(), 'running');
	t.deepEqual(pod.emitted.map(e => `${e.reason}: ${e.message}`), [
		'Pulled: Container image "nginx:1.27" already present on machine',
		'Created: Created container: web',
		'Started: Started container web',
	]);
});

test('containers come up in order, each after its own pull', t => {
	const pod = run([
		{name: 'app', image: 'a:1', pullMs: 1000, waitMs: 0, size: 1},
		{name: 'sidecar', image: 'b:1', pullMs: 3000, waitMs: 1000, size: 2},
	]);
	pod.advance(1);
	t.is(pod.state(), 'containerCreating.pulling');
	t.deepEqual(Object.keys(pod.actor.getSnapshot().context.startedAt), ['app']);
	t.deepEqual(pod.reasons(), ['Pulling', 'Pulled', 'Created', 'Started', 'Pulling']);
	t.is(pod.emitted[4]!.message, 'Pulling image "b:1"');
	pod.advance(2);
	t.is(pod.state(), 'running');
	t.deepEqual(Object.keys(pod.actor.getSnapshot().context.startedAt), ['app', 'sidecar']);
	t.deepEqual(pod.emitted.filter(e => e.reason === 'Started').map(e => e.message), ['Started container app', 'Started container sidecar']);
});

test('DELETE while running: terminating, then terminated after the stop delay', t => {
	const pod = run([{name: 'web', image: 'nginx:1.27', pullMs: 0, waitMs: 0, size: 1}], 2);
	t.is(pod.state(), 'running');
	pod.actor.send({type: 'DELETE', graceSeconds: 30});
	t.is(pod.state(), 'terminating');
	t.is(pod.actor.getSnapshot().context.graceSeconds, 30);
	pod.advance(1);
	t.is(pod.state(), 'terminating');
	pod.advance(1);
	t.is(pod.state(), 'terminated');
	t.is(pod.actor.getSnapshot().status, 'done');
});

test('the stop delay is bounded by the grace period', t => {
	const pod = run([{name: 'web', image: 'nginx:1.27', pullMs: 0, waitMs: 0, size: 1}], 5);
	pod.actor.send({type: 'DELETE', graceSeconds: 1});
	pod.advance(1);
	t.is(pod.state(), 'terminated');
});

test('DELETE while still pulling stops without starting the container', t => {
	const pod = run([{name: 'web', image: 'nginx:1.27', pullMs: 10_000, waitMs: 0, size: 1}]);
	pod.advance(2);
	pod.actor.send({type: 'DELETE', graceSeconds: 30});
	t.is(pod.state(), 'terminating');
	pod.advance(10);
	t.is(pod.state(), 'terminated');
	t.deepEqual(pod.reasons(), ['Pulling']);
	t.deepEqual(pod.actor.getSnapshot().context.startedAt, {});
});

// Bug (latent: the API server refuses pods without containers): the machine has a `noContainers` guard
// on containerCreating to go straight to running, but the child state `pulling` is entered first and its
// entry action announcePull reads context.containers[0] (source/cluster/machines/pod-lifecycle.ts,
// announcePull / current()), which is undefined, so the actor errors instead of reaching running.
test('a pod without containers is running at once', t => {
	const pod = run([]);
	t.deepEqual(pod.errors, []);
	t.is(pod.state(), 'running');
	t.deepEqual(pod.emitted, []);
});

test('goDuration prints like Go\'s time.Duration', t => {
	t.is(goDuration(850), '850ms');
	t.is(goDuration(0), '0ms');
	t.is(goDuration(2000), '2s');
	t.is(goDuration(2412), '2.412s');
	t.is(goDuration(2500), '2.5s');
});
