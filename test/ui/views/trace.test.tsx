import test from 'ava';
import {TraceView} from '../../../source/ui/views/trace/TraceView.js';
import {traceDetail, traceHints, traceRows, traceTable} from '../../../source/ui/views/trace/rows.js';
import {createTheme} from '../../../source/ui/theme.js';
import {renderTerminal} from '../helpers/terminal.js';
import {fits, scheduledCluster, sizes} from './fixture.js';

test('rows: the component on its group\'s first row only, what was done, and why', t => {
	const {cluster} = scheduledCluster();
	const trace = cluster.inspect.trace(3);
	const rows = traceRows(trace);
	const scheduler = rows.findIndex(r => r.cells[0] === 'kube-scheduler');
	t.true(scheduler > 0);
	t.regex(rows[scheduler]!.cells[1]!, /^bound default\/\S+ to worker-\d$/);
	t.is(rows[scheduler + 1]!.cells[0], '', 'the next line of the same group leaves the component blank');
	t.deepEqual(rows[scheduler]!.ref!.resource, 'pods');
	const failed = rows.find(r => r.cells[1]!.startsWith('could not schedule'))!;
	t.is(failed.tone, 'error');
	t.is(traceTable(trace).rows.length, rows.length);
	t.regex(traceDetail(trace, rows[scheduler]!.key), /^kube-scheduler bound default\/\S+ to worker-\d \(best of \d feasible node\(s\), score \d+\)$/);
	t.is(traceDetail(trace, 'nope'), 'no line matches the filter');
	t.is(traceHints(trace), `tick 3 of 0-3 · ${trace.writes} writes · [ ]: earlier/later tick · enter: go to object · esc: back`);
});

for (const [columns, rows] of sizes) {
	for (const color of [true, false]) {
		test(`renders within ${columns}x${rows}${color ? '' : ' without colour'}`, async t => {
			const {cluster} = scheduledCluster();
			const term = await renderTerminal(<TraceView trace={cluster.inspect.trace(3)} width={columns} height={rows} cursor={0} theme={createTheme(color)} />, {columns, rows, input: false});
			const frame = term.lastFrame();
			t.is(fits(frame, columns, rows), undefined);
			t.true(frame.split('\n')[0]!.includes('trace(tick 3)'));
			t.true(frame.includes('deployment-controller') || frame.includes('deploym…'));
			if (!color) t.true(frame.includes('║>'), 'the cursor row is marked without colour');
			if (columns >= 80) t.true(frame.includes('bound default/web-6bf4b7bc47-'), frame);
			term.unmount();
		});
	}
}

test('a cursor far down scrolls the table to keep it in view', async t => {
	const {cluster} = scheduledCluster();
	const trace = cluster.inspect.trace(3);
	const last = traceRows(trace).length - 1;
	const term = await renderTerminal(<TraceView trace={trace} width={80} height={10} cursor={last} theme={createTheme(false)} />, {columns: 80, rows: 10, input: false});
	t.regex(term.lastFrame(), /║>\s+updated status of pod default\/batch-/);
	term.unmount();
});

test('an empty tick says so under the table', async t => {
	const {cluster} = scheduledCluster();
	cluster.step(2); // pulls are under way: nothing is written
	const trace = cluster.inspect.trace();
	t.is(trace.groups.length, 0);
	const term = await renderTerminal(<TraceView trace={trace} width={80} height={24} cursor={0} theme={createTheme(false)} />, {columns: 80, rows: 24, input: false});
	t.true(term.lastFrame().includes(`no writes in tick ${trace.tick}`));
	term.unmount();
});
