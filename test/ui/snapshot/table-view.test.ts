import test from 'ava';
import type {KubeObject} from '../../../source/cluster/index.js';
import type {TableData, TableRow} from '../../../source/ui/snapshot/table-data.js';
import {viewTable} from '../../../source/ui/snapshot/table-view.js';
import {pod} from '../helpers/objects.js';

function row(name: string, status: string, labels: Record<string, string> = {}, namespace = 'default'): TableRow {
	const object = pod(name, {namespace}) as KubeObject;
	object.metadata!.labels = labels;
	return {key: `${namespace}/${name}`, cells: [namespace, name, status], tone: 'normal', object};
}

function table(rows: TableRow[]): TableData {
	return {
		resource: 'pods',
		columns: [{title: 'NAMESPACE'}, {title: 'NAME'}, {title: 'STATUS'}],
		rows,
		widths: [9, 12, 7],
		index: new Map(rows.map((r, i) => [r.key, i])),
	};
}

const names = (data: TableData) => data.rows.map(r => r.cells[1]);

const base = () => table([
	row('web-1', 'Running', {app: 'web'}),
	row('web-12', 'Pending', {app: 'web'}),
	row('api-1', 'Running', {app: 'api'}, 'shop'),
	row('Web-2', 'Running', {app: 'web'}, 'shop'),
]);

test('a plain filter matches the cells as one line, case-insensitively; the index follows the rows kept', t => {
	const data = base();
	const web = viewTable(data, {filter: 'WEB'});
	t.deepEqual(names(web), ['web-1', 'web-12', 'Web-2']);
	t.is(web.index.get('shop/Web-2'), 2);
	t.is(web.index.get('shop/api-1'), undefined);
	t.deepEqual(names(viewTable(data, {filter: 'shop api'})), ['api-1'], 'across two columns, as the row reads');
});

test('typing on narrows what the shorter filter kept, and gives what a fresh filter gives', t => {
	const data = base();
	t.deepEqual(names(viewTable(data, {filter: 'web-1'})), ['web-1', 'web-12']);
	t.deepEqual(names(viewTable(data, {filter: 'web-12'})), ['web-12']);
	// Back to a shorter filter: all the rows again, not only what the longer one kept.
	t.deepEqual(names(viewTable(data, {filter: 'web'})), ['web-1', 'web-12', 'Web-2']);
	t.deepEqual(names(viewTable(data, {filter: 'web', namespace: 'shop'})), ['Web-2'], 'another namespace starts over');
	t.deepEqual(names(viewTable(data, {filter: 'web-'})), ['web-1', 'web-12', 'Web-2']);
});

test('a new table (a row changed) is filtered anew: a row that now matches shows', t => {
	const data = base();
	t.deepEqual(names(viewTable(data, {filter: 'pend'})), ['web-12']);
	const next = table([row('web-1', 'Pending', {app: 'web'}), ...data.rows.slice(1)]);
	t.deepEqual(names(viewTable(next, {filter: 'pendi'})), ['web-1', 'web-12']);
});

test('a row whose cells are re-derived (the clock moved) is matched on its new cells', t => {
	const data = base();
	t.deepEqual(names(viewTable(data, {filter: 'running'})), ['web-1', 'api-1', 'Web-2']);
	data.rows[1]!.cells = ['default', 'web-12', 'Running'];
	t.deepEqual(names(viewTable(table(data.rows), {filter: 'running'})), ['web-1', 'web-12', 'api-1', 'Web-2']);
});

test('regex, inverse, label selector; a string that is not a regex matches as text; a bad selector matches nothing', t => {
	const data = base();
	t.deepEqual(names(viewTable(data, {filter: '^default web-[12] '})), ['web-1']);
	t.deepEqual(names(viewTable(data, {filter: 'WEB-1\\d'})), ['web-12'], 'a regex is case-insensitive too');
	t.deepEqual(names(viewTable(data, {filter: '!web'})), ['api-1']);
	t.deepEqual(names(viewTable(data, {filter: '-l app=web'})), ['web-1', 'web-12', 'Web-2']);
	t.deepEqual(names(viewTable(data, {filter: '-l app!=web'})), ['api-1']);
	t.deepEqual(names(viewTable(table([...data.rows, row('x[1', 'Running')]), {filter: 'x[1'})), ['x[1']);
	t.deepEqual(names(viewTable(data, {filter: '-l app=(('})), []);
});

test('the filter does not read clock columns: a row does not drift in and out of it as it ages', t => {
	const aged = (name: string, age: string): TableRow => ({...row(name, 'Running'), cells: ['default', name, 'Running', age]});
	const data: TableData = {...base(), columns: [...base().columns, {title: 'AGE'}], rows: [aged('web-1', '5m'), aged('api-5m', '3s')]};
	t.deepEqual(names(viewTable(data, {filter: '5m'})), ['api-5m']);
	t.deepEqual(names(viewTable(data, {filter: '^default web-1 running$'})), ['web-1'], 'a regex too: the line ends before AGE');
	// A row that reads its cells lazily offers the cheaper ones to the filter.
	const lazy = {...aged('db-1', '1s'), searchCells: ['default', 'db-1', 'Running', '']};
	t.deepEqual(names(viewTable({...data, rows: [lazy]}, {filter: 'db-1 running'})), ['db-1']);
});

test('the index of a filtered table finds each kept row and nothing else, sorted or not, and iterates as a Map', t => {
	const data = base();
	for (const options of [{filter: 'web'}, {namespace: 'shop'}, {filter: 'web', sort: {column: 'NAME', descending: true}}]) {
		const shown = viewTable(data, options);
		shown.rows.forEach((r, i) => t.is(shown.index.get(r.key), i, `${JSON.stringify(options)} ${r.key}`));
		for (const r of data.rows) if (!shown.rows.includes(r)) t.false(shown.index.has(r.key));
		t.deepEqual([...shown.index.keys()], shown.rows.map(r => r.key));
		t.is(shown.index.size, shown.rows.length);
	}
	t.is(viewTable(data, {filter: 'web'}).index.get('nope/nope'), undefined);
});

test('a frozen row is still filtered (its line is not kept on it)', t => {
	const frozen = Object.freeze(row('web-9', 'Running'));
	t.deepEqual(names(viewTable(table([frozen]), {filter: 'web-9'})), ['web-9']);
	t.deepEqual(names(viewTable(table([frozen]), {filter: 'nope'})), []);
});
