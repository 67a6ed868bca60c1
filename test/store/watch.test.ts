import test from 'ava';
import {CompactedError, Store, type KeyValue, type StoreEvent} from '../../source/cluster/store/index.js';
import {seededRandom} from './random.js';

function collect<V>(store: Store<V>, prefix: string, from: number) {
	const calls: Array<Array<StoreEvent<V>>> = [];
	const watcher = store.watch(prefix, from, events => {
		calls.push(events);
	});
	return {calls, watcher, events: () => calls.flat()};
}

test('watch from the past replays history in one call, then delivers live events one call per write', t => {
	const store = new Store<string>();
	store.put('/p/a', 'a1'); // 2
	store.put('/q/x', 'x'); // 3
	store.put('/p/a', 'a2'); // 4
	store.delete('/p/a'); // 5

	const w = collect(store, '/p/', 3);
	t.is(w.calls.length, 1);
	t.deepEqual(w.calls[0]!.map(e => [e.type, e.kv.key, e.revision]), [['PUT', '/p/a', 4], ['DELETE', '/p/a', 5]]);
	const deleted = w.calls[0]![1]!;
	t.deepEqual(deleted.kv, {key: '/p/a', value: 'a2', createRevision: 2, modRevision: 5, version: 2});
	t.is(deleted.prevKv?.value, 'a2');
	t.is(w.calls[0]![0]!.prevKv?.value, 'a1');

	store.put('/p/b', 'b1'); // 6
	store.put('/q/y', 'y'); // 7: not under /p/
	store.txn([], [{type: 'put', key: '/p/c', value: 'c'}, {type: 'put', key: '/q/z', value: 'z'}, {type: 'put', key: '/p/d', value: 'd'}]); // 8
	t.is(w.calls.length, 3);
	t.deepEqual(w.calls[1]!.map(e => [e.kv.key, e.revision]), [['/p/b', 6]]);
	t.is(w.calls[1]![0]!.prevKv, undefined);
	// One call for the txn, with only its matching events.
	t.deepEqual(w.calls[2]!.map(e => [e.kv.key, e.revision]), [['/p/c', 8], ['/p/d', 8]]);
});

test('watch from revision + 1 only sees future changes; a future fromRevision waits for it', t => {
	const store = new Store<number>();
	store.put('/a', 1);
	const now = collect(store, '/', store.revision + 1);
	const later = collect(store, '/', store.revision + 3);
	t.is(now.calls.length, 0);
	store.put('/a', 2);
	store.put('/a', 3);
	store.put('/a', 4);
	t.deepEqual(now.events().map(e => e.kv.value), [2, 3, 4]);
	t.deepEqual(later.events().map(e => e.kv.value), [4]);
});

test('10,000 writes across 100 keys: watchers see exactly the log, in order, and replaying it rebuilds range()', t => {
	const store = new Store<number>();
	const random = seededRandom(42);
	const fromStart = collect(store, '/k/', 1);
	let midway: ReturnType<typeof collect<number>> | undefined;
	let midwayFrom = 0;
	for (let i = 0; i < 10_000; i++) {
		const key = `/k/${random(100)}`;
		if (random(4) === 0) {
			store.delete(key);
		} else if (random(10) === 0) {
			store.txn([], [{type: 'put', key, value: i}, {type: 'delete', key: `/k/${(Number(key.slice(3)) + 1) % 100}`}]);
		} else {
			store.put(key, i);
		}

		if (i === 5000) {
			// Starts mid-stream from an older revision: replay then live, with no gap or overlap.
			midwayFrom = store.revision - 300;
			midway = collect(store, '/k/', midwayFrom);
		}
	}

	const log = store.snapshot().events;
	t.true(log.length > 7000);
	const seen = fromStart.events();
	t.is(seen.length, log.length);
	t.true(seen.every((event, i) => event === log[i]));
	t.deepEqual(midway!.events(), log.filter(e => e.revision >= midwayFrom));

	const pairs = new Set(seen.map(e => `${e.revision} ${e.kv.key}`));
	t.is(pairs.size, seen.length);
	for (let i = 1; i < seen.length; i++) {
		t.true(seen[i]!.revision >= seen[i - 1]!.revision);
	}

	const rebuilt = new Map<string, KeyValue<number>>();
	for (const event of seen) {
		if (event.type === 'PUT') {
			rebuilt.set(event.kv.key, event.kv);
		} else {
			rebuilt.delete(event.kv.key);
		}
	}

	t.deepEqual([...rebuilt.values()].sort((a, b) => (a.key < b.key ? -1 : 1)), store.range('/k/').kvs);
	t.is(store.revision, seen.at(-1)!.revision);
});

test('watchers on nested, partial and exact prefixes each get their own matching events', t => {
	const store = new Store<string>();
	const prefixes = ['', '/registry/', '/registry/pods/', '/registry/pods/default/', '/registry/pods/default/web-', '/registry/pods/default/web-1', '/registry/pods/prod/'];
	const watchers = prefixes.map(prefix => ({prefix, ...collect(store, prefix, store.revision + 1)}));
	const keys = ['/registry/pods/default/web-1', '/registry/pods/default/web-12', '/registry/pods/default/db-1', '/registry/pods/prod/web-1', '/registry/services/default/web', '/other'];
	for (const key of keys) {
		store.put(key, 'v');
	}

	store.delete('/registry/pods/default/web-1');
	for (const {prefix, events, calls} of watchers) {
		const expected = [...keys, '/registry/pods/default/web-1'].filter(key => key.startsWith(prefix));
		t.deepEqual(events().map(e => e.kv.key), expected, prefix);
		t.is(calls.length, expected.length, prefix);
	}
});

test('cancel stops delivery, and cancelling twice is harmless', t => {
	const store = new Store<number>();
	const a = collect(store, '/x/', 1);
	const b = collect(store, '/x/', 1);
	store.put('/x/1', 1);
	a.watcher.cancel();
	a.watcher.cancel();
	store.put('/x/2', 2);
	t.deepEqual(a.events().map(e => e.kv.key), ['/x/1']);
	t.deepEqual(b.events().map(e => e.kv.key), ['/x/1', '/x/2']);
});

test('watching from a compacted revision throws CompactedError with the etcd message', t => {
	const store = new Store<number>();
	for (let i = 0; i < 10; i++) {
		store.put('/k', i);
	}

	store.compact(6);
	const error = t.throws(() => store.watch('/', 6, () => undefined), {instanceOf: CompactedError});
	t.regex(error.message, /required revision has been compacted/);
	t.is(error.requested, 6);
	t.is(error.compactRevision, 6);
	t.throws(() => store.watch('/', 1, () => undefined), {instanceOf: CompactedError});

	const w = collect(store, '/', 7);
	t.deepEqual(w.events().map(e => e.revision), [7, 8, 9, 10, 11]);
});

test('writes made from inside a callback reach every watcher after the current write, in order', t => {
	const store = new Store<number>();
	const first: number[] = [];
	const second: number[] = [];
	store.watch('/c/', 1, events => {
		for (const event of events) {
			first.push(event.revision);
			if (event.kv.value < 3) {
				store.put('/c/echo', event.kv.value + 1);
			}
		}
	});
	store.watch('/c/', 1, events => {
		second.push(...events.map(e => e.revision));
	});
	store.put('/c/start', 0);
	t.deepEqual(first, [2, 3, 4, 5]);
	t.deepEqual(second, [2, 3, 4, 5]);
	t.is(store.revision, 5);
});

test('a throwing callback does not stop delivery to the others', t => {
	const store = new Store<number>();
	const seen: number[] = [];
	store.watch('/', 1, () => {
		throw new Error('boom');
	});
	store.watch('/', 1, events => {
		seen.push(...events.map(e => e.kv.value));
	});
	t.throws(() => store.put('/a', 1), {message: 'boom'});
	t.deepEqual(seen, [1]);
	t.is(store.get('/a')?.value, 1);
});

test('thousands of watchers: a write only reaches the matching ones', t => {
	const store = new Store<number>();
	const counts = new Map<string, number>();
	for (let i = 0; i < 3000; i++) {
		// Zero-padded so no watched key is a prefix of another.
		const key = `/registry/pods/ns-${i % 100}/pod-${i.toString().padStart(4, '0')}`;
		store.watch(key, 1, events => {
			counts.set(key, (counts.get(key) ?? 0) + events.length);
		});
	}

	for (let i = 0; i < 3000; i += 3) {
		store.put(`/registry/pods/ns-${i % 100}/pod-${i.toString().padStart(4, '0')}`, i);
	}

	t.is(counts.size, 1000);
	t.true([...counts.values()].every(n => n === 1));
	t.true(counts.has('/registry/pods/ns-3/pod-0003'));
	t.false(counts.has('/registry/pods/ns-1/pod-0001'));
});
