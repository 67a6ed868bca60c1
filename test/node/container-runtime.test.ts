import test from 'ava';
import {ContainerRuntime, imageSize} from '../../source/cluster/node/container-runtime.js';
import {Random} from '../../source/cluster/sim/random.js';

function runtime(seed = 1) {
	let now = 1_000_000;
	const rt = new ContainerRuntime(new Random(seed), () => now);
	return {rt, at: (ms: number) => (now = ms), now: () => now};
}

test('a first pull takes time proportional to the image size and waits for nothing', t => {
	const {rt, now} = runtime();
	const plan = rt.pull('nginx:1.27', 'IfNotPresent');
	t.is(plan.size, 72_000_000);
	t.is(plan.waitMs, 0);
	// 72 MB at 30 MB/s is 2.4 s, plus up to 0.5 s of jitter.
	t.true(plan.pullMs >= 2400 && plan.pullMs <= 2900, String(plan.pullMs));
	t.deepEqual(rt.images(), []);
	const {rt: same} = runtime();
	t.is(same.pull('nginx:1.27', 'IfNotPresent').pullMs, plan.pullMs, 'same seed, same jitter');
	t.true(now() > 0);
});

test('pulls are serialized: a second image waits for the one in progress', t => {
	const {rt} = runtime();
	const first = rt.pull('nginx:1.27', 'IfNotPresent');
	const second = rt.pull('redis:7', 'IfNotPresent');
	t.is(second.waitMs, first.pullMs);
	t.true(second.pullMs > first.pullMs);
	// redis is 45 MB: 1.5 s of transfer (plus jitter) after nginx is done.
	const transfer = second.pullMs - second.waitMs;
	t.true(transfer >= 1500 && transfer <= 2000, String(transfer));
	const third = rt.pull('busybox:1.36', 'IfNotPresent');
	t.is(third.waitMs, second.pullMs);
});

test('asking for an image that is already being pulled joins that pull', t => {
	const {rt, at, now} = runtime();
	const first = rt.pull('nginx:1.27', 'IfNotPresent');
	at(now() + 1000);
	const again = rt.pull('nginx:1.27', 'IfNotPresent');
	t.is(again.pullMs, first.pullMs - 1000);
	t.is(again.waitMs, again.pullMs);
});

test('an image already present with IfNotPresent needs no pull; Always pulls again, quickly', t => {
	const {rt, at, now} = runtime();
	const first = rt.pull('nginx:1.27', 'IfNotPresent');
	at(now() + first.pullMs);
	t.deepEqual(rt.images(), ['nginx:1.27']);
	t.deepEqual(rt.pull('nginx:1.27', 'IfNotPresent'), {pullMs: 0, waitMs: 0, size: 72_000_000});
	t.is(rt.pull('nginx:1.27', 'Never').pullMs, 0);
	const always = rt.pull('nginx:1.27', 'Always');
	t.true(always.pullMs >= 200 && always.pullMs <= 500, String(always.pullMs));
	t.is(always.waitMs, 0);
});

test('once the queue is free a new pull starts at once', t => {
	const {rt, at, now} = runtime();
	const first = rt.pull('nginx:1.27', 'IfNotPresent');
	at(now() + first.pullMs + 5000);
	const later = rt.pull('redis:7', 'IfNotPresent');
	t.is(later.waitMs, 0);
	t.deepEqual(rt.images(), ['nginx:1.27']);
});

test('image sizes: known images by repository, others derived from the name within 10-100 MB', t => {
	t.is(imageSize('nginx:1.27'), 72_000_000);
	t.is(imageSize('docker.io/library/nginx:1.25'), 72_000_000);
	t.is(imageSize('registry.k8s.io/pause:3.10'), 320_000);
	t.is(imageSize('redis@sha256:abc'), 45_000_000);
	const custom = imageSize('example.com/team/app:v2');
	t.true(custom >= 10_000_000 && custom < 100_000_000);
	t.is(imageSize('example.com/team/app:v2'), custom);
});
