import test from 'ava';
import {CompactedError, FutureRevisionError, Store} from '../../source/cluster/store/index.js';
import {seededRandom} from './random.js';

function history(): Store<string> {
	const store = new Store<string>();
	store.put('/a', 'a1'); // 2
	store.put('/b', 'b1'); // 3
	store.put('/a', 'a2'); // 4
	store.delete('/b'); // 5
	store.put('/c', 'c1'); // 6
	store.put('/a', 'a3'); // 7
	return store;
}

test('compaction keeps current values and the state at the compaction point, and rejects older reads', t => {
	const store = history();
	store.compact(5);
	t.is(store.compactRevision, 5);
	t.is(store.revision, 7);

	t.deepEqual(store.range('').kvs.map(kv => [kv.key, kv.value]), [['/a', 'a3'], ['/c', 'c1']]);
	// The compaction revision itself is still readable.
	t.deepEqual(store.range('', {revision: 5}).kvs.map(kv => [kv.key, kv.value]), [['/a', 'a2']]);
	t.is(store.get('/a', {revision: 6})?.value, 'a2');
	t.deepEqual(store.get('/a', {revision: 5}), {key: '/a', value: 'a2', createRevision: 2, modRevision: 4, version: 2});
	t.is(store.get('/b', {revision: 5}), undefined);

	const error = t.throws(() => store.get('/a', {revision: 4}), {instanceOf: CompactedError});
	t.regex(error.message, /required revision has been compacted/);
	t.throws(() => store.range('/', {revision: 2}), {instanceOf: CompactedError});

	// Watch replay starts after the compaction point.
	const seen: number[] = [];
	store.watch('', 6, events => seen.push(...events.map(e => e.revision)));
	t.deepEqual(seen, [6, 7]);
});

test('compacting backwards is a no-op; compacting into the future throws', t => {
	const store = history();
	store.compact(6);
	store.compact(3);
	t.is(store.compactRevision, 6);
	t.throws(() => store.compact(8), {instanceOf: FutureRevisionError});
	t.is(store.compactRevision, 6);
	store.compact(7);
	t.is(store.compactRevision, 7);
	t.deepEqual(store.snapshot().events.map(e => e.kv.key), ['/c', '/a']);
});

test('keys deleted before the compaction point disappear from old-revision ranges; recreated keys keep later history', t => {
	const store = new Store<number>();
	store.put('/x', 1); // 2
	store.delete('/x'); // 3
	store.put('/y', 1); // 4
	store.put('/x', 2); // 5
	store.compact(4);
	t.deepEqual(store.range('', {revision: 4}).kvs.map(kv => kv.key), ['/y']);
	t.deepEqual(store.range('', {revision: 5}).kvs.map(kv => [kv.key, kv.value]), [['/x', 2], ['/y', 1]]);
	t.is(store.get('/x', {revision: 4}), undefined);
});

test('snapshot/restore round-trips state, history and numbering, and the copies are independent', t => {
	const random = seededRandom(3);
	const store = new Store<number>();
	for (let i = 0; i < 2000; i++) {
		const key = `/k/${random(50)}`;
		if (random(5) === 0) {
			store.delete(key);
		} else {
			store.put(key, i);
		}

		if (i === 1000) {
			store.compact(store.revision - 100);
		}
	}

	const restored = Store.restore(store.snapshot());
	t.is(restored.revision, store.revision);
	t.is(restored.compactRevision, store.compactRevision);
	t.deepEqual(restored.range(''), store.range(''));
	t.is(restored.count('/k/'), store.count('/k/'));
	t.deepEqual(restored.snapshot(), store.snapshot());
	for (const revision of [store.compactRevision, store.compactRevision + 1, store.revision - 500, store.revision - 1]) {
		t.deepEqual(restored.range('/k/', {revision}), store.range('/k/', {revision}), `revision ${revision}`);
	}

	const replayed = (s: Store<number>) => {
		const events: unknown[] = [];
		s.watch('/k/', s.compactRevision + 1, batch => events.push(...batch));
		return events;
	};

	t.deepEqual(replayed(restored), replayed(store));
	t.throws(() => restored.get('/k/1', {revision: store.compactRevision - 1}), {instanceOf: CompactedError});

	const revision = store.revision;
	const kv = restored.put('/k/new', 1);
	t.is(kv.modRevision, revision + 1);
	t.is(restored.revision, revision + 1);
	t.is(store.revision, revision);
	t.is(store.get('/k/new'), undefined);
	store.put('/k/other', 2);
	t.is(restored.get('/k/other'), undefined);
	t.is(store.get('/k/other')?.modRevision, revision + 1);
});

test('snapshot of a fresh store restores to revision 1', t => {
	const restored = Store.restore(new Store().snapshot());
	t.is(restored.revision, 1);
	t.is(restored.put('/a', 1).modRevision, 2);
});
