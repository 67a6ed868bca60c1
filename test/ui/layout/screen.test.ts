import test from 'ava';
import {layoutScreen, minimumPaneHeight, type LayoutInput} from '../../../source/ui/layout/screen.js';

const input = (columns: number, rows: number, extra: Partial<LayoutInput> = {}): LayoutInput => ({columns, rows, focus: 'pods', prompt: false, ...extra});
const usedHeight = (l: ReturnType<typeof layoutScreen>) => l.headerHeight + l.promptHeight + l.bands.reduce((s, b) => s + b.height, 0) + l.flashHeight;

test('120x40: full header, deployments and nodes side by side, pods in the middle, events at the bottom, exactly the height', t => {
	const l = layoutScreen(input(120, 40));
	t.is(l.header, 'full');
	t.deepEqual(l.bands.map(b => b.panes.map(p => p.pane)), [['deployments', 'nodes'], ['pods'], ['events']]);
	t.is(usedHeight(l), 40);
	t.is(l.bands[0]!.height, 10, 'the top band is 30% of the body, whatever the rows');
	t.is(l.bands[0]!.panes[0]!.width + l.bands[0]!.panes[1]!.width, 120);
	t.true(l.bands[1]!.height > l.bands[2]!.height);
});

test('80x24: a two-line header (facts, then key hints) and all four panes, within the height', t => {
	const l = layoutScreen(input(80, 24));
	t.is(l.header, 'two');
	t.is(l.headerHeight, 2);
	t.is(layoutScreen(input(80, 19)).header, 'compact');
	t.is(l.bands.flatMap(b => b.panes).length, 4);
	t.is(usedHeight(l), 24);
	t.true(l.bands.every(b => b.height >= minimumPaneHeight));
});

test('the prompt line and its hint line take two lines from the panes, never add any', t => {
	const l = layoutScreen(input(80, 24, {prompt: true}));
	t.is(l.promptHeight, 2);
	t.is(usedHeight(l), 24);
});

test('narrow and short: stacked, then only the focused pane', t => {
	const stacked = layoutScreen(input(60, 30));
	t.deepEqual(stacked.bands.map(b => b.panes[0]!.pane), ['deployments', 'nodes', 'pods', 'events']);
	t.is(usedHeight(stacked), 30);
	const single = layoutScreen(input(40, 10, {focus: 'nodes'}));
	t.true(single.single);
	t.deepEqual(single.bands.map(b => b.panes.map(p => p.pane)), [['nodes']]);
	t.is(usedHeight(single), 10);
});

test('below the minimum: one line saying so', t => {
	const l = layoutScreen(input(39, 8));
	t.is(l.tooSmall, 'terminal too small (39x8): need 40x10');
	t.is(l.bands.length, 0);
});

test('pane heights depend on the terminal alone: the same layout for every tick', t => {
	const heights = (l: ReturnType<typeof layoutScreen>) => l.bands.map(b => b.height);
	t.deepEqual(heights(layoutScreen(input(120, 40))), heights(layoutScreen(input(120, 40, {focus: 'events'}))));
	t.deepEqual(heights(layoutScreen(input(120, 40))), [10, 16, 10]);
	t.deepEqual(heights(layoutScreen(input(60, 30))), [5, 5, 12, 5]);
});
