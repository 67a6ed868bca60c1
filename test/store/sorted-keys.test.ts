import test from 'ava';
import {SortedKeys, lowerBound, prefixEnd} from '../../source/cluster/store/sorted-keys.js';
import {WatchIndex} from '../../source/cluster/store/watch-index.js';
import {seededRandom} from './random.js';

test('sorted keys stay sorted and unique through many inserts and removes across chunk splits and merges', t => {
	const random = seededRandom(7);
	const set = new SortedKeys();
	const naive = new Set<string>();
	for (let i = 0; i < 20_000; i++) {
		const key = `/k/${random(5000).toString().padStart(4, '0')}`;
		// Bias toward inserts first, then mostly removes, to exercise both split and merge.
		const insert = i < 12_000 ? random(4) !== 0 : random(4) === 0;
		if (insert) {
			t.is(set.insert(key), !naive.has(key));
			naive.add(key);
		} else {
			t.is(set.remove(key), naive.has(key));
			naive.delete(key);
		}
	}

	const expected = [...naive].sort();
	t.deepEqual(set.toArray(), expected);
	t.is(set.size, expected.length);
	t.is(set.countRange('/k/1', '/k/2'), expected.filter(k => k >= '/k/1' && k < '/k/2').length);
	t.is(set.countRange('', undefined), expected.length);

	const visited: string[] = [];
	set.scan('/k/2500', true, key => {
		visited.push(key);
		return visited.length < 50;
	});
	t.deepEqual(visited, expected.filter(k => k > '/k/2500').slice(0, 50));
});

test('fromSorted builds the same set as inserting', t => {
	const keys = Array.from({length: 3000}, (_, i) => `k${i.toString().padStart(5, '0')}`);
	const set = SortedKeys.fromSorted(keys);
	t.deepEqual(set.toArray(), keys);
	t.true(set.insert('k00000a'));
	t.false(set.insert('k02999'));
	t.true(set.remove('k01000'));
	t.is(set.size, 3000);
	t.is(set.countRange('k00000', 'k00001'), 2);
});

test('prefixEnd bounds exactly the strings with the prefix', t => {
	t.is(prefixEnd('/registry/pods/'), '/registry/pods0');
	t.is(prefixEnd(''), undefined);
	t.is(prefixEnd('a\uFFFF'), 'b');
	t.is(prefixEnd('\uFFFF'), undefined);
	t.is(lowerBound(['a', 'b', 'c'], 'bb'), 2);
});

test('watch index matches slash prefixes, partial prefixes, exact keys and the empty prefix once each', t => {
	const index = new WatchIndex<string>();
	const prefixes = ['', '/registry/', '/registry/pods/', '/registry/pods/default/', '/registry/pods/default/web', '/registry/pods/default/web-1', '/registry/po', '/registry/pods/kube-system/', '/registry/pods/default/web-12'];
	for (const prefix of prefixes) {
		index.add(prefix, prefix);
	}

	const matches = (key: string) => {
		const found: string[] = [];
		index.forEachMatch(key, w => found.push(w));
		return found.sort();
	};

	for (const key of ['/registry/pods/default/web-1', '/registry/pods/default/web-12', '/registry/pods/default/db', '/registry/services/x', '/other', '/registry/pods/']) {
		t.deepEqual(matches(key), prefixes.filter(p => key.startsWith(p)).sort(), key);
	}

	index.remove('/registry/pods/default/web-1', '/registry/pods/default/web-1');
	index.remove('/registry/pods/default/web-1', '/registry/pods/default/web-1');
	t.false(matches('/registry/pods/default/web-1').includes('/registry/pods/default/web-1'));
	t.is(index.size, prefixes.length - 1);
});
