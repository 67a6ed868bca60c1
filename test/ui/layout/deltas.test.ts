import test from 'ava';
import {fitTable} from '../../../source/ui/layout/columns.js';
import {cellDeltas, delta, numeric, rowSegments} from '../../../source/ui/layout/deltas.js';
import {formatRow} from '../../../source/ui/components/ResourceTable.js';

test('numbers as k9s reads them: integers, percentages, quantities; anything else is not a number', t => {
	t.is(numeric('3'), 3);
	t.is(numeric('75%'), 75);
	t.is(numeric('250m'), 0.25);
	t.is(numeric('1Gi'), 2 ** 30);
	t.is(numeric('1/3'), undefined);
	t.is(numeric('Running'), undefined);
	t.is(numeric('<none>'), undefined);
	t.is(numeric(''), undefined);
});

test('up, down or nothing: only between two numbers of one kind that differ', t => {
	t.is(delta('2', '5'), 'up');
	t.is(delta('5', '2'), 'down');
	t.is(delta('500m', '1'), 'up', 'quantities compare by value');
	t.is(delta('3', '3'), undefined);
	t.is(delta('1/3', '2/3'), undefined);
	t.is(delta('Pending', 'Running'), undefined);
	t.is(delta('<none>', '3'), undefined);
	t.is(delta('30%', '3'), undefined, 'a percentage against a count says nothing');
	t.deepEqual(cellDeltas(['web', '1', '2', '5m'], ['web', '3', '2', '6m'], new Set([3])), [undefined, 'up']);
	t.is(cellDeltas(['web', '1'], ['web', '1'], new Set()), undefined);
});

const columns = [{title: 'NAME'}, {title: 'READY'}, {title: 'RESTARTS', align: 'right' as const}, {title: 'AGE'}];

test('an arrow follows its value and no column moves: in the column\'s room, a right-aligned value moved left by one', t => {
	const fitted = fitTable(columns, [6, 5, 8, 3], 40);
	const cells = ['web-1', '1/1', '3', '5m'];
	const plain = formatRow(cells, fitted, 40);
	const segments = rowSegments(cells, fitted, 40, [undefined, undefined, 'up', undefined]);
	const text = segments.map(s => s.text).join('');
	t.is(text.length, plain.length);
	t.is(text, plain.replace('       3  5m', '      3↑  5m'));
	t.deepEqual(segments.filter(s => s.delta), [{text: '↑', delta: 'up'}]);
	const left = rowSegments(['web', '1/1', '0', '5m'], fitted, 40, ['down', undefined, undefined, undefined]).map(s => s.text).join('');
	t.is(left, formatRow(['web', '1/1', '0', '5m'], fitted, 40).replace('web   ', 'web↓  '));
});

test('a full column puts its arrow in the gap only when a space stays before the next column; else none', t => {
	const wide = fitTable([{title: 'N', align: 'right' as const}, {title: 'NAME'}], [2, 4], 20);
	t.is(wide.gap, 2);
	t.is(rowSegments(['12', 'abcd'], wide, 8, ['up', undefined]).map(s => s.text).join(''), '12↑ abcd');
	const tight = {...wide, gap: 1};
	const segments = rowSegments(['12', 'abcd'], tight, 7, ['up', undefined]);
	t.is(segments.map(s => s.text).join(''), formatRow(['12', 'abcd'], tight, 7));
	t.false(segments.some(s => s.delta), 'no arrow glued to the next column');
	const nameFirst = {...fitTable([{title: 'NAME'}, {title: 'N', align: 'right' as const}], [4, 2], 20), gap: 1};
	const last = rowSegments(['abcd', '12'], nameFirst, 7, [undefined, 'up']);
	t.is(last.map(s => s.text).join(''), 'abcd 12');
	t.false(last.some(s => s.delta), 'a full last column has no room');
});
