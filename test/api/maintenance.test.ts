// What etcd and the apiserver do as time passes: Events expire --event-ttl after their last write (a lease), and
// the store is compacted every 5 minutes, keeping the history window.
import test from 'ava';
import {createCluster, isStatusError, type Event, type KubeObject} from '../../source/cluster/index.js';

const event = (name: string): KubeObject => ({
	apiVersion: 'v1', kind: 'Event', metadata: {name, namespace: 'default'},
	involvedObject: {kind: 'Pod', name: 'p', namespace: 'default'}, reason: 'Test', message: name, type: 'Normal',
} as KubeObject);

test('an event expires --event-ttl after its last write; a write renews it; watchers see it go', t => {
	const cluster = createCluster({eventTTLSeconds: 10});
	const client = cluster.client;
	client.create('events', event('old'));
	client.create('events', event('renewed'));
	const seen: string[] = [];
	client.watch('events', {namespace: 'default'}, e => seen.push(`${e.type} ${e.object.metadata?.name}`));
	cluster.step(5);
	client.patch('events', 'renewed', {count: 2}, {namespace: 'default'});
	cluster.step(5);
	const names = () => client.list<Event>('events', {namespace: 'default'}).items.map(e => e.metadata?.name);
	t.false(names().includes('old'));
	t.true(names().includes('renewed'));
	t.true(seen.includes('DELETED old'));
	cluster.step(5);
	t.false(names().includes('renewed'));
	// Expiry is etcd's doing, not a client's: the trace has no delete for it.
	t.false(cluster.trace.list().some(e => e.verb === 'delete' && e.resource === 'events'));
});

test('the store is compacted every 5 minutes, keeping the history window: older reads and watches get 410', t => {
	const cluster = createCluster({historyWindowSeconds: 300});
	const client = cluster.client;
	client.create('events', event('start'));
	const early = cluster.api.revision;
	cluster.step(299);
	t.is(cluster.api.maintenance.compactions, 0);
	t.notThrows(() => client.watch('events', {resourceVersion: String(early)}, () => {}).cancel());
	cluster.step(302);
	t.is(cluster.api.maintenance.compactions, 2);
	t.true(cluster.api.maintenance.compactRevision >= early);
	const error = t.throws(() => client.watch('events', {resourceVersion: String(early - 1)}, () => {}));
	t.true(isStatusError(error, 'Expired'), String(error));
	// Within the window history is still there.
	const recent = cluster.api.revision;
	cluster.step(10);
	t.notThrows(() => client.watch('events', {resourceVersion: String(recent)}, () => {}).cancel());
});

test('a cluster keeps working across compactions and expiries: informers watch live, the recorder re-creates expired events', t => {
	const cluster = createCluster({eventTTLSeconds: 60, historyWindowSeconds: 300});
	cluster.run('apply -f fixtures/default.yaml');
	cluster.step(700);
	cluster.run('scale deployment/web --replicas=5');
	cluster.step(20);
	const web = cluster.client.get<KubeObject & {status?: {readyReplicas?: number}}>('deployments', 'web', 'default');
	t.is(web.status?.readyReplicas, 5);
	t.true(cluster.api.maintenance.compactions >= 2);
	// Only the last minute's events are left.
	const events = cluster.client.list<Event>('events').items;
	t.true(events.length > 0);
	t.true(events.every(e => Date.parse(e.lastTimestamp ?? '') >= cluster.clock.now() - 60_000));
});
