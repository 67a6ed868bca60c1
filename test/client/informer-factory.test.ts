// One informer per resource (and selector), shared by every component: one cache, one watch, synced once a tick.
import test from 'ava';
import {createCluster, type Pod} from '../../source/cluster/index.js';
import {SharedInformerFactory} from '../../source/cluster/client/informer-factory.js';

test('components asking for the same resource share one informer; a late handler is told of what is cached', t => {
	const cluster = createCluster();
	cluster.run('apply -f fixtures/default.yaml');
	const factory = new SharedInformerFactory(cluster.clientFor('system:test'));
	const a = factory.informer<Pod>('pods');
	const b = factory.informer<Pod>('pods');
	const filtered = factory.informer<Pod>('pods', {fieldSelector: 'spec.nodeName=worker-1'});
	t.is(a, b);
	t.not(a, filtered);
	t.is(factory.size, 2);
	cluster.step(4);
	factory.syncAll();
	const early: string[] = [];
	a.addEventHandler({add: pod => early.push(pod.metadata!.name!)});
	t.is(early.length, a.size);
	t.true(a.size >= 9);
	t.true(filtered.size > 0 && filtered.size < a.size);
	// Two users: the first release keeps it, the last stops it.
	factory.release(a);
	t.is(factory.size, 2);
	factory.release(b);
	t.is(factory.size, 1);
});
