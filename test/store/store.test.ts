import test from 'ava';
import {CompactedError, FutureRevisionError, Store} from '../../source/cluster/store/index.js';

test('revisions start at 1 and each write bumps them by one, tracking create/mod revision and version', t => {
	const store = new Store<string>();
	t.is(store.revision, 1);
	t.is(store.compactRevision, 0);

	t.deepEqual(store.put('/a', 'a1'), {key: '/a', value: 'a1', createRevision: 2, modRevision: 2, version: 1});
	t.deepEqual(store.put('/b', 'b1'), {key: '/b', value: 'b1', createRevision: 3, modRevision: 3, version: 1});
	t.deepEqual(store.put('/a', 'a2'), {key: '/a', value: 'a2', createRevision: 2, modRevision: 4, version: 2});
	t.is(store.revision, 4);

	t.deepEqual(store.delete('/a'), {key: '/a', value: 'a2', createRevision: 2, modRevision: 4, version: 2});
	t.is(store.revision, 5);
	t.is(store.get('/a'), undefined);

	// Re-creation starts a new life: fresh createRevision and version 1.
	t.deepEqual(store.put('/a', 'a3'), {key: '/a', value: 'a3', createRevision: 6, modRevision: 6, version: 1});
	t.is(store.revision, 6);
});

test('deleting an absent key returns undefined and does not bump the revision', t => {
	const store = new Store();
	store.put('/x', 1);
	t.is(store.delete('/nope'), undefined);
	t.is(store.revision, 2);
	store.delete('/x');
	t.is(store.delete('/x'), undefined);
	t.is(store.revision, 3);
});

test('get returns the current value', t => {
	const store = new Store<number>();
	t.is(store.get('/x'), undefined);
	store.put('/x', 1);
	store.put('/x', 2);
	t.is(store.get('/x')?.value, 2);
	t.is(store.get('/x', {revision: 0})?.value, 2);
});

test('get at an old revision sees the value then, across later writes, deletes and re-creation', t => {
	const store = new Store<string>();
	store.put('/k', 'v1'); // 2
	store.put('/other', 'o'); // 3
	store.put('/k', 'v2'); // 4
	store.delete('/k'); // 5
	store.put('/k', 'v3'); // 6

	t.is(store.get('/k', {revision: 1}), undefined);
	t.is(store.get('/k', {revision: 2})?.value, 'v1');
	t.is(store.get('/k', {revision: 3})?.value, 'v1');
	t.deepEqual(store.get('/k', {revision: 4}), {key: '/k', value: 'v2', createRevision: 2, modRevision: 4, version: 2});
	t.is(store.get('/k', {revision: 5}), undefined);
	t.is(store.get('/k', {revision: 6})?.value, 'v3');
	t.is(store.get('/never', {revision: 3}), undefined);
	t.throws(() => store.get('/k', {revision: 7}), {instanceOf: FutureRevisionError});
});

function fill(store: Store<number>): void {
	for (const ns of ['default', 'kube-system', 'prod']) {
		for (let i = 9; i >= 0; i--) {
			store.put(`/registry/pods/${ns}/pod-${i}`, i);
		}
	}

	store.put('/registry/services/default/svc', 0);
	store.put('/registry/pods', 0); // Shares the text but not the '/pods/' prefix.
}

test('range returns every key with the prefix, sorted, and count agrees', t => {
	const store = new Store<number>();
	fill(store);
	const result = store.range('/registry/pods/default/');
	t.deepEqual(result.kvs.map(kv => kv.key), Array.from({length: 10}, (_, i) => `/registry/pods/default/pod-${i}`));
	t.false(result.more);
	t.is(result.continue, undefined);
	t.is(result.revision, store.revision);

	t.is(store.range('/registry/pods/').kvs.length, 30);
	t.is(store.count('/registry/pods/'), 30);
	t.is(store.count('/registry/pods'), 31);
	t.is(store.count('/registry/'), 32);
	t.is(store.count(''), 32);
	t.is(store.count('/registry/pods/prod/pod-1'), 1);

	const all = store.range('').kvs.map(kv => kv.key);
	t.deepEqual(all, [...all].sort());
	t.is(all.length, 32);
});

test('range with a prefix that matches nothing is empty', t => {
	const store = new Store<number>();
	fill(store);
	for (const prefix of ['/registry/pods/none/', '/zzz', '/registry/pods/default/pod-99', '!']) {
		const result = store.range(prefix, {limit: 5});
		t.deepEqual(result.kvs, []);
		t.false(result.more);
		t.is(store.count(prefix), 0);
	}
});

test('range paginates with limit and continue, including a page boundary exactly at the end', t => {
	const store = new Store<number>();
	fill(store);
	const expected = store.range('/registry/pods/').kvs.map(kv => kv.key);

	for (const limit of [1, 7, 10, 15, 29, 30, 31]) {
		const keys: string[] = [];
		let token: string | undefined;
		let pages = 0;
		do {
			const page = store.range('/registry/pods/', {limit, continue: token});
			t.true(page.kvs.length <= limit);
			t.is(page.more, page.continue !== undefined);
			keys.push(...page.kvs.map(kv => kv.key));
			token = page.continue;
			pages++;
		} while (token !== undefined);

		t.deepEqual(keys, expected, `limit ${limit}`);
		// 30 keys at limit 10/15/30 end exactly on a page boundary: no empty extra page.
		t.is(pages, Math.ceil(30 / limit), `limit ${limit}`);
	}
});

test('pagination reads one snapshot: writes between pages do not show up', t => {
	const store = new Store<number>();
	fill(store);
	const first = store.range('/registry/pods/default/', {limit: 4});
	const revision = first.revision;
	store.put('/registry/pods/default/pod-5', 500); // Later page, changed value.
	store.delete('/registry/pods/default/pod-8'); // Later page, deleted.
	store.put('/registry/pods/default/pod-77', 77); // Later page, new key.

	const second = store.range('/registry/pods/default/', {continue: first.continue});
	t.is(second.revision, revision);
	t.deepEqual(second.kvs.map(kv => [kv.key, kv.value]), [4, 5, 6, 7, 8, 9].map(i => [`/registry/pods/default/pod-${i}`, i]));
	t.throws(() => store.range('/registry/pods/default/', {continue: 'not a token'}), {message: /invalid continue token/});
});

test('range at an old revision shows the keys and values of then, including since-deleted keys', t => {
	const store = new Store<string>();
	store.put('/p/a', 'a1');
	store.put('/p/b', 'b1');
	store.put('/p/c', 'c1');
	const then = store.revision;
	store.delete('/p/b');
	store.put('/p/a', 'a2');
	store.put('/p/d', 'd1');
	store.delete('/p/c');

	const old = store.range('/p/', {revision: then});
	t.is(old.revision, then);
	t.deepEqual(old.kvs.map(kv => [kv.key, kv.value]), [['/p/a', 'a1'], ['/p/b', 'b1'], ['/p/c', 'c1']]);
	t.deepEqual(store.range('/p/').kvs.map(kv => [kv.key, kv.value]), [['/p/a', 'a2'], ['/p/d', 'd1']]);

	const page1 = store.range('/p/', {revision: then, limit: 2});
	t.true(page1.more);
	const page2 = store.range('/p/', {continue: page1.continue});
	t.deepEqual([...page1.kvs, ...page2.kvs].map(kv => kv.key), ['/p/a', '/p/b', '/p/c']);
	t.false(page2.more);

	t.throws(() => store.range('/p/', {revision: store.revision + 1}), {instanceOf: FutureRevisionError});
	store.compact(then + 1);
	t.throws(() => store.range('/p/', {revision: then}), {instanceOf: CompactedError});
	t.throws(() => store.range('/p/', {continue: page1.continue}), {instanceOf: CompactedError});
});

test('txn applies all ops at one revision when every compare holds', t => {
	const store = new Store<string>();
	const a = store.put('/a', 'a1');
	store.put('/gone', 'x');
	const result = store.txn([{key: '/a', modRevision: a.modRevision}, {key: '/new', modRevision: 0}], [
		{type: 'put', key: '/a', value: 'a2'},
		{type: 'put', key: '/new', value: 'n1'},
		{type: 'delete', key: '/gone'},
		{type: 'delete', key: '/absent'},
	]);
	t.true(result.succeeded);
	t.is(result.revision, 4);
	t.is(store.revision, 4);
	t.deepEqual(result.results, [
		{key: '/a', value: 'a2', createRevision: 2, modRevision: 4, version: 2},
		{key: '/new', value: 'n1', createRevision: 4, modRevision: 4, version: 1},
		{key: '/gone', value: 'x', createRevision: 3, modRevision: 3, version: 1},
		undefined,
	]);
	t.is(store.get('/gone'), undefined);
	t.is(store.get('/new')?.modRevision, 4);
});

test('a txn with a failed compare changes nothing', t => {
	const store = new Store<string>();
	store.put('/a', 'a1');
	store.put('/a', 'a2'); // ModRevision 3.
	const before = store.range('');
	const result = store.txn([{key: '/a', modRevision: 2}], [{type: 'put', key: '/a', value: 'lost'}, {type: 'put', key: '/b', value: 'lost'}]);
	t.false(result.succeeded);
	t.is(result.revision, 3);
	t.is(store.revision, 3);
	t.deepEqual(store.range(''), before);
	t.is(store.get('/b'), undefined);
});

test('create-only-if-absent via modRevision 0', t => {
	const store = new Store<string>();
	const create = (value: string) => store.txn([{key: '/lock', modRevision: 0}], [{type: 'put', key: '/lock', value}]);
	t.true(create('first').succeeded);
	t.false(create('second').succeeded);
	t.is(store.get('/lock')?.value, 'first');
	store.delete('/lock');
	t.true(create('third').succeeded);
	t.is(store.get('/lock')?.version, 1);
});

test('a txn that writes nothing keeps the revision; duplicate keys are rejected', t => {
	const store = new Store<string>();
	store.put('/a', 'a');
	const result = store.txn([], [{type: 'delete', key: '/absent'}]);
	t.true(result.succeeded);
	t.is(result.revision, 2);
	t.deepEqual(result.results, [undefined]);
	t.throws(() => store.txn([], [{type: 'put', key: '/a', value: '1'}, {type: 'delete', key: '/a'}]), {message: /duplicate key/});
	t.is(store.get('/a')?.value, 'a');
	t.is(store.revision, 2);
});
