import test from 'ava';
import {bytes, formatBytes, formatMilliCPU, milliCPU, parseQuantity} from '../../source/cluster/objects/quantity.js';

test('cpu quantities become millicores, rounded up', t => {
	t.is(milliCPU('250m'), 250);
	t.is(milliCPU('2'), 2000);
	t.is(milliCPU('0.5'), 500);
	t.is(milliCPU('1.0001'), 1001);
	t.is(milliCPU(undefined), 0);
});

test('memory quantities use binary and decimal suffixes and exponents', t => {
	t.is(bytes('128Mi'), 128 * 1024 * 1024);
	t.is(bytes('1Gi'), 1024 ** 3);
	t.is(bytes('1G'), 1e9);
	t.is(bytes('1e3'), 1000);
	t.is(bytes('512k'), 512_000);
});

test('text that is not a quantity is rejected', t => {
	for (const bad of ['lots', '1GB', '', '.', '--1', '1 Gi']) t.is(parseQuantity(bad), undefined, bad);
});

test('formatting picks the largest exact unit', t => {
	t.is(formatBytes(1536 * 1024 * 1024), '1536Mi');
	t.is(formatBytes(4 * 1024 ** 3), '4Gi');
	t.is(formatMilliCPU(3350), '3350m');
	t.is(formatMilliCPU(4000), '4');
});
