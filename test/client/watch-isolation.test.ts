// A watch handler that throws loses only its own watch: every other watcher still gets every event, the failure is
// in the trace under its identity, and an informer whose handler threw re-lists after a backoff and converges.
import test from 'ava';
import {createCluster, type Pod} from '../../source/cluster/index.js';
import {Informer} from '../../source/cluster/client/informer.js';

const running = (cluster: ReturnType<typeof createCluster>) =>
	cluster.client.list<Pod>('pods').items.filter(p => p.status?.phase === 'Running').length;

test('a throwing watcher registered first does not cost the components a single event', t => {
	const control = createCluster({seed: 3});
	control.run('apply -f fixtures/default.yaml');
	control.step(15);

	const cluster = createCluster({seed: 3});
	let errors = 0;
	cluster.client.watch('pods', {}, () => {
		throw new Error('handler bug');
	}, () => errors++);
	cluster.run('apply -f fixtures/default.yaml');
	cluster.step(15);
	t.true(running(control) >= 8);
	t.is(running(cluster), running(control));
	t.is(errors, 1, 'dropped after the first throw: called once, not once per event');
	const [entry] = cluster.trace.watchErrors();
	t.is(entry?.component, 'kubernetes-admin');
	t.is(entry?.resource, 'pods');
	t.is(entry?.message, 'handler bug');
});

test('an informer whose handler throws records it, keeps its other handlers going, and re-lists to converge', t => {
	const cluster = createCluster({seed: 3});
	cluster.run('apply -f fixtures/default.yaml');
	const informer = new Informer<Pod>(cluster.clientFor('system:test-controller'), 'pods');
	const seenByFlaky = new Set<string>();
	const seenByOther = new Set<string>();
	let throws = 0;
	informer.addEventHandler({add: pod => {
		if (throws < 5) {
			throws++;
			throw new Error(`flaky #${throws}`);
		}
		seenByFlaky.add(pod.metadata!.name!);
	}, update: (_, pod) => seenByFlaky.add(pod.metadata!.name!)});
	informer.addEventHandler({add: pod => seenByOther.add(pod.metadata!.name!)});
	informer.start();
	for (let i = 0; i < 12; i++) {
		cluster.step();
		informer.sync();
	}
	const pods = cluster.client.list<Pod>('pods').items.map(p => p.metadata!.name!).sort();
	t.true(pods.length >= 9);
	t.deepEqual([...seenByOther].sort(), pods);
	// The re-list delivered every pod again, so the flaky handler saw them all despite its five failures.
	t.deepEqual([...seenByFlaky].sort(), pods);
	t.is(cluster.trace.watchErrors().filter(e => e.component === 'system:test-controller').length, 5);
	t.is(informer.size, pods.length);
});
