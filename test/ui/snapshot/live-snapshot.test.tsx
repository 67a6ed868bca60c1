import test from 'ava';
import type {Pod} from '../../../source/cluster/index.js';
import {App} from '../../../source/ui/app.js';
import {LiveSnapshot} from '../../../source/ui/snapshot/live-snapshot.js';
import {deriveSnapshot, type Snapshot} from '../../../source/ui/snapshot/snapshot.js';
import {defaultCluster} from '../helpers/cluster.js';
import {pod} from '../helpers/objects.js';
import {renderTerminal} from '../helpers/terminal.js';

/** What a snapshot shows: per pane, every row's cells and tone in order, and the column widths. */
function shown(snapshot: Snapshot) {
	return Object.fromEntries(Object.entries(snapshot.tables).map(([pane, table]) => [pane, {
		rows: table.rows.map(r => [r.key, r.tone, ...r.cells].join('|')),
		widths: table.widths,
		index: [...table.index],
	}]));
}

test('tables kept from watch events show exactly what a full re-list shows, tick after tick and after commands', t => {
	const cluster = defaultCluster();
	const live = new LiveSnapshot(cluster);
	t.deepEqual(shown(live.snapshot()), shown(deriveSnapshot(cluster)));
	for (let tick = 1; tick <= 12; tick++) {
		cluster.step();
		if (tick === 4) cluster.run('scale deployment/web --replicas=6');
		if (tick === 7) cluster.run('cordon worker-2');
		if (tick === 9) cluster.run('scale deployment/web --replicas=1');
		t.deepEqual(shown(live.snapshot()), shown(deriveSnapshot(cluster)), `after tick ${tick}`);
	}
	live.stop();
});

test('an unchanged cluster gives the same table objects (nothing re-derived); a changed pane gets new rows only where changed', t => {
	const cluster = defaultCluster(8);
	const live = new LiveSnapshot(cluster);
	const first = live.snapshot();
	t.is(live.snapshot().tables.pods, first.tables.pods);
	cluster.run('cordon worker-1');
	const second = live.snapshot();
	t.not(second.tables.nodes, first.tables.nodes);
	const changed = second.tables.nodes.rows.filter((row, i) => row !== first.tables.nodes.rows[i]).map(r => r.key);
	t.deepEqual(changed, ['worker-1']);
	t.is(second.tables.pods.rows[0], first.tables.pods.rows[0], 'pods rows untouched by a node change are the same objects');
	live.stop();
});

test('a pod added, updated and deleted through the API shows up, changes and goes in the dashboard table', async t => {
	const cluster = defaultCluster();
	const term = await renderTerminal(<App cluster={cluster} color={false} />, {columns: 140, rows: 40});
	const client = cluster.clientFor('test');
	client.create<Pod>('pods', pod('zz-extra', {node: 'worker-1'}));
	cluster.notify();
	await term.waitFor(f => /default\s+zz-extra\s+0\/1\s+Pending/.test(f) && f.includes(' pods(all)[1] '));
	const created = client.get<Pod>('pods', 'zz-extra', 'default');
	client.update<Pod>('pods', {...created, metadata: {...created.metadata, labels: {touched: 'yes'}}, spec: {...created.spec!}});
	client.delete('pods', 'zz-extra', {namespace: 'default', gracePeriodSeconds: 0});
	cluster.notify();
	await term.waitFor(f => !f.includes('zz-extra') && f.includes(' pods(all)[0] '));
	t.pass();
	term.unmount();
});

test('the nodes pane counts a bound pod in PODS as it is added, and not after it is deleted', t => {
	const cluster = defaultCluster();
	const live = new LiveSnapshot(cluster);
	const podsOf = (name: string) => {
		const table = live.snapshot().tables.nodes;
		const row = table.rows[table.index.get(name)!]!;
		return row.cells[table.columns.findIndex(c => c.title === 'PODS')];
	};
	t.is(podsOf('worker-3'), '0');
	const client = cluster.clientFor('test');
	client.create<Pod>('pods', pod('bound', {node: 'worker-3'}));
	cluster.notify();
	t.is(podsOf('worker-3'), '1');
	client.delete('pods', 'bound', {namespace: 'default', gracePeriodSeconds: 0});
	cluster.notify();
	t.is(podsOf('worker-3'), '0');
	live.stop();
});
