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
