import test from 'ava';
import {WhyView, layoutWhy} from '../../../source/ui/views/why/WhyView.js';
import {shortReason, whyColumns, whyDetail, whyRows, whySummary} from '../../../source/ui/views/why/rows.js';
import {wrapLines, wrapText} from '../../../source/ui/views/wrap.js';
import {createTheme} from '../../../source/ui/theme.js';
import {renderTerminal} from '../helpers/terminal.js';
import {fits, scheduledCluster, sizes} from './fixture.js';

test('a pending pod\'s grid: filters only, ✓ / reason / - per cell, every node ruled out', t => {
	const {cluster, pending} = scheduledCluster();
	const report = cluster.inspect.why('default', pending.metadata!.name!);
	t.deepEqual(whyColumns(report).map(c => c.title), ['NODE', 'UNSCHED', 'TAINT', 'AFFINITY', 'FIT']);
	const rows = whyRows(report);
	t.deepEqual(rows.find(r => r.key === 'control-plane')!.cells, [' control-plane', '✓', 'had untolerated taint(s)', '-', '-']);
	t.deepEqual(rows.find(r => r.key === 'worker-1')!.cells, [' worker-1', '✓', '✓', '✓', 'Insufficient cpu']);
	t.true(rows.every(r => r.tone === 'error'));
	t.is(whyDetail(report, 'control-plane'), 'control-plane: TaintToleration ruled it out: node(s) had untolerated taint(s) (not run: NodeAffinity, NodeResourcesFit)');
	t.is(shortReason("node(s) didn't match Pod's node affinity/selector"), "didn't match Pod's node affinity/selector");
});

test('a bound pod\'s grid: weighted scores, the total, the winner first and marked', t => {
	const {cluster, bound} = scheduledCluster();
	const report = cluster.inspect.why('default', bound.metadata!.name!);
	t.deepEqual(whyColumns(report).map(c => c.title), ['NODE', 'UNSCHED', 'TAINT', 'AFFINITY', 'FIT', 'TAINT×3', 'SPREAD×2', 'FIT×1', 'BALANCED×1', 'TOTAL']);
	const [first] = whyRows(report);
	t.is(first!.cells[0], '*worker-1');
	t.is(first!.cells.at(-1), String(report.rows[0]!.total));
	t.is(first!.cells[5], String(report.rows[0]!.scores![0]!.weighted));
	t.regex(whyDetail(report, 'worker-1'), /^worker-1 \(chosen\): TaintToleration \d+→\d+×3=\d+, PodTopologySpread \d+→\d+×2=\d+, NodeResourcesFit \d+→\d+×1=\d+, NodeResourcesBalancedAllocation \d+→\d+×1=\d+; total \d+$/);
	t.regex(whySummary(report), /^tick 3: 4 of 4 nodes checked, \d feasible, bound to worker-1/);
});

test('the FailedScheduling message comes whole, wrapped, under the grid; the grid keeps at least a row', t => {
	const {cluster, pending} = scheduledCluster();
	const report = cluster.inspect.why('default', pending.metadata!.name!);
	const layout = layoutWhy(report, 40, 12, 'control-plane');
	t.is(layout.message.join(' '), `FailedScheduling: ${report.message}`);
	t.true(layout.tableHeight >= 4);
	t.is(layout.tableHeight + layout.message.length + layout.detail.length + layout.summary.length, 12);
	const tiny = layoutWhy(report, 40, 6, 'control-plane');
	t.is(tiny.tableHeight, 4, 'the grid keeps one row; the message is cut to what is left');
	t.true(tiny.message.at(-1)!.endsWith('…'));
});

for (const [columns, rows] of sizes) {
	for (const color of [true, false]) {
		test(`renders within ${columns}x${rows}${color ? '' : ' without colour'}, pending and bound`, async t => {
			const {cluster, pending, bound} = scheduledCluster();
			for (const pod of [pending, bound]) {
				const report = cluster.inspect.why('default', pod.metadata!.name!);
				const term = await renderTerminal(<WhyView report={report} width={columns} height={rows} cursor={0} theme={createTheme(color)} />, {columns, rows, input: false});
				const frame = term.lastFrame();
				t.is(fits(frame, columns, rows), undefined);
				t.true(frame.includes('why(default/') || frame.includes('why(…'), frame);
				if (pod === pending) t.true(frame.replace(/\n/g, ' ').includes(report.message!), `the message in full at ${columns}x${rows}`);
				else t.true(frame.includes('*worker-1'));
				term.unmount();
			}
		});
	}
}

test('wrapping: at spaces, long words cut, a cut last line ends in …', t => {
	t.deepEqual(wrapText('0/4 nodes are available: 3 Insufficient cpu.', 16), ['0/4 nodes are', 'available: 3', 'Insufficient', 'cpu.']);
	t.deepEqual(wrapText('abcdefghij', 4), ['abcd', 'efgh', 'ij']);
	t.deepEqual(wrapText('', 10), []);
	t.deepEqual(wrapLines('one two three four', 9, 1), ['one two…']);
	t.deepEqual(wrapLines('one two', 9, 0), []);
});
