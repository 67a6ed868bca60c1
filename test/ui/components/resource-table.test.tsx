import test from 'ava';
import {ResourceTable, tableTitle, topBorder} from '../../../source/ui/components/ResourceTable.js';
import {pods} from '../../../source/ui/render/pods.js';
import {buildTable, type TableData} from '../../../source/ui/snapshot/table-data.js';
import {createTheme} from '../../../source/ui/theme.js';
import {ctxAt, pod} from '../helpers/objects.js';
import {renderTerminal} from '../helpers/terminal.js';

const name = (i: number) => `web-${String(i).padStart(5, '0')}`;

function bigTable(count: number): {table: TableData; touched: Set<number>} {
	const objects = Array.from({length: count}, (_, i) => pod(name(i), {phase: 'Running', ready: true, node: 'worker-1', ip: '10.0.0.1'}));
	const table = buildTable(pods, objects, ctxAt(60));
	// Record every row index the component reads: it must read only the rows it shows.
	const touched = new Set<number>();
	const rows = new Proxy(table.rows, {
		get(target, property, receiver) {
			if (typeof property === 'string' && /^\d+$/.test(property)) touched.add(Number(property));
			return Reflect.get(target, property, receiver);
		},
	});
	return {table: {...table, rows}, touched};
}

test('titles are k9s style with thousands separators', t => {
	t.is(tableTitle('pods', 'all', 1234), ' pods(all)[1,234] ');
	t.is(tableTitle('nodes', undefined, 4), ' nodes[4] ');
	const border = topBorder(' pods(all)[9] ', 30, false);
	t.is(border.left + border.title + border.right, '┌─────── pods(all)[9] ───────┐');
});

test('a 5,000-row pane renders (and reads) only the rows that fit, and scrolls to keep the cursor visible', async t => {
	const {table, touched} = bigTable(5000);
	const theme = createTheme(false);
	const term = await renderTerminal(<ResourceTable table={table} scope="all" cursor={0} width={100} height={12} focused theme={theme} />, {columns: 100, rows: 40, input: false});
	const lines = term.lines();
	t.is(lines.length, 12, 'border, titles, 9 rows, border');
	t.true(lines[0]!.includes(' pods(all)[5,000] '));
	t.regex(lines[1]!, /NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE/);
	t.true(lines[2]!.includes(`>default   ${name(0)}`) || lines[2]!.includes(`>default    ${name(0)}`), lines[2]);
	t.true(lines[10]!.includes(name(8)));
	t.false(term.lastFrame().includes(name(9)));
	t.true([...touched].every(i => i < 9), `read rows ${[...touched].slice(0, 20).join(',')}`);

	touched.clear();
	term.rerender(<ResourceTable table={table} scope="all" cursor={4999} width={100} height={12} focused theme={theme} />);
	await term.waitFor(frame => frame.includes(name(4999)));
	const after = term.lines();
	t.is(after.length, 12);
	t.true(after[10]!.startsWith('║>'), 'the cursor row is the last visible row, marked without colour');
	t.true(after[2]!.includes(name(4991)));
	t.true([...touched].every(i => i >= 4991), `read rows ${[...touched].slice(0, 20).join(',')}`);
	term.unmount();
});

test('long cells are cut with an ellipsis, never wrapped', async t => {
	const table = buildTable(pods, [pod('a-very-long-pod-name-that-does-not-fit-in-a-narrow-pane-at-all', {phase: 'Running', ready: true})], ctxAt(0));
	const term = await renderTerminal(<ResourceTable table={table} cursor={0} width={40} height={5} focused={false} theme={createTheme(true)} />, {columns: 40, rows: 10, input: false});
	const lines = term.lines();
	t.is(lines.length, 5);
	t.true(lines[2]!.includes('…'));
	t.true(lines.every(l => l.length <= 40));
	term.unmount();
});
