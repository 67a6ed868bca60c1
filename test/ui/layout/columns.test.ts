import test from 'ava';
import {fitTable} from '../../../source/ui/layout/columns.js';
import type {ColumnHeader} from '../../../source/ui/snapshot/table-data.js';

const columns: ColumnHeader[] = [
	{title: 'NAMESPACE', min: 6, drop: 5},
	{title: 'NAME', min: 12},
	{title: 'STATUS', min: 8},
	{title: 'IP', drop: 6},
	{title: 'AGE', drop: 2},
	{title: 'MESSAGE', min: 10, cut: true},
	{title: 'LABELS', wide: true, drop: 7},
];
const natural = [9, 22, 17, 10, 3, 40, 30];
const titles = (width: number, wide = false) => fitTable(columns, natural, width, wide).columns.map(c => columns[c.index]!.title);

test('everything fits: natural widths, two spaces apart, wide columns only in wide mode', t => {
	const fitted = fitTable(columns, natural, 200);
	t.is(fitted.gap, 2);
	t.deepEqual(fitted.columns.map(c => c.width), [9, 22, 17, 10, 3, 40]);
	t.deepEqual(titles(200, true), ['NAMESPACE', 'NAME', 'STATUS', 'IP', 'AGE', 'MESSAGE', 'LABELS']);
});

test('a little too narrow: gaps close to one space and the message is cut before any column is dropped', t => {
	const fitted = fitTable(columns, natural, 100);
	t.is(fitted.gap, 1);
	t.deepEqual(titles(100), ['NAMESPACE', 'NAME', 'STATUS', 'IP', 'AGE', 'MESSAGE']);
	const total = fitted.columns.reduce((sum, c) => sum + c.width, 0) + (fitted.columns.length - 1);
	t.true(total <= 100);
	t.is(fitted.columns.find(c => c.index === 1)!.width, 22, 'NAME keeps its width');
});

test('narrower: the least important columns go first, names are not cut while something can be dropped', t => {
	t.deepEqual(titles(70), ['NAMESPACE', 'NAME', 'STATUS', 'AGE', 'MESSAGE']);
	t.deepEqual(titles(60), ['NAME', 'STATUS', 'AGE', 'MESSAGE']);
	const fitted = fitTable(columns, natural, 60);
	t.is(fitted.columns.find(c => c.index === 1)!.width, 22);
});

test('a dropped column comes back when a wider one made room', t => {
	const cols: ColumnHeader[] = [{title: 'NAME'}, {title: 'WIDE', drop: 3}, {title: 'SMALL', drop: 2}, {title: 'BIG', drop: 1}];
	const fitted = fitTable(cols, [10, 5, 3, 20], 30);
	// Drop order: WIDE, SMALL, BIG. Dropping WIDE and SMALL is not enough (10+20+1=31); BIG goes too; then WIDE and SMALL fit again.
	t.deepEqual(fitted.columns.map(c => cols[c.index]!.title), ['NAME', 'WIDE', 'SMALL']);
});

test('nothing left to drop: columns shrink to their minimum, never below', t => {
	const fitted = fitTable(columns, natural, 32);
	t.deepEqual(fitted.columns.map(c => [columns[c.index]!.title, c.width]), [['NAME', 12], ['STATUS', 8], ['MESSAGE', 10]]);
});
