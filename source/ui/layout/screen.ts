// Where everything goes on the terminal: header, prompt line, panes in bands, flash line. Pure, from the terminal
// size and how much each pane would like to show. The frame never exceeds the terminal's height.
import type {ResourceName} from '../render/types.js';

export type PaneId = ResourceName;

export interface Size {
	columns: number;
	rows: number;
}

export interface PaneBox {
	pane: PaneId;
	width: number;
	height: number;
}

export interface Band {
	height: number;
	panes: PaneBox[];
}

export interface ScreenLayout {
	/** Set when the terminal is below the minimum: show only this line. */
	tooSmall?: string;
	header: 'full' | 'compact';
	headerHeight: number;
	promptHeight: number;
	/** Height of the area the panes (or the help overlay) fill. */
	bodyHeight: number;
	bands: Band[];
	flashHeight: number;
	/** Only the focused pane fits. */
	single: boolean;
}

export interface PaneDemand {
	/** Rows the pane has. */
	rows: number;
	/** Width of its columns at natural size. */
	width: number;
}

export interface LayoutInput extends Size {
	focus: PaneId;
	prompt: boolean;
	/** Lines the flash message needs (a long error wraps to up to 3 lines on terminals of 20 rows or more). */
	flashLines?: number;
	demand: Record<PaneId, PaneDemand>;
}

export const minimumSize: Size = {columns: 40, rows: 10};
/** Rows a full (three-line) header needs the terminal to have, and columns for panes side by side. */
const fullHeaderRows = 30;
const fullHeaderColumns = 80;
const sideBySideColumns = 72;
/** The nodes pane keeps at least this width beside the deployments pane (NAME STATUS PODS CPU MEM). */
const nodesMinimumWidth = 60;
/** Top border, column titles, one row, bottom border. */
export const minimumPaneHeight = 4;
/** Lines a pane spends on its borders and column titles. */
export const paneChrome = 3;

interface Slot {
	want: number;
	cap: number;
}

/** Split `total` lines: every slot gets the minimum, then up to min(want, cap) in order, the rest to `rest`. */
export function splitHeight(total: number, slots: Slot[], rest: number): number[] {
	const heights = slots.map(() => minimumPaneHeight);
	let left = total - minimumPaneHeight * slots.length;
	slots.forEach((slot, i) => {
		if (i === rest) return;
		const extra = Math.max(0, Math.min(slot.want, slot.cap) - minimumPaneHeight);
		const given = Math.min(extra, left);
		heights[i]! += given;
		left -= given;
	});
	// The rest slot takes what it wants; any surplus goes back to the others (up to what they want), then to it.
	const restExtra = Math.min(left, Math.max(0, slots[rest]!.want - minimumPaneHeight));
	heights[rest]! += restExtra;
	left -= restExtra;
	slots.forEach((slot, i) => {
		if (i === rest || left <= 0) return;
		const extra = Math.min(left, Math.max(0, slot.want - heights[i]!));
		heights[i]! += extra;
		left -= extra;
	});
	heights[rest]! += left;
	return heights;
}

export function layoutScreen(input: LayoutInput): ScreenLayout {
	const {columns, rows, demand} = input;
	const base = {header: 'compact' as const, headerHeight: 0, promptHeight: 0, bodyHeight: 0, bands: [], flashHeight: 0, single: false};
	if (columns < minimumSize.columns || rows < minimumSize.rows) {
		const long = `terminal too small (${columns}x${rows}): need ${minimumSize.columns}x${minimumSize.rows}`;
		// Say it in as few columns as it takes: the short form still names both sizes.
		return {...base, tooSmall: long.length <= columns ? long : `${columns}x${rows} < ${minimumSize.columns}x${minimumSize.rows}`};
	}
	const header = rows >= fullHeaderRows && columns >= fullHeaderColumns ? 'full' : 'compact';
	const headerHeight = header === 'full' ? 3 : 1;
	const promptHeight = input.prompt ? 1 : 0;
	const flashHeight = rows >= 20 ? Math.max(1, Math.min(3, input.flashLines ?? 1)) : 1;
	const body = rows - headerHeight - promptHeight - flashHeight;
	const want = (pane: PaneId) => demand[pane].rows + paneChrome;
	const frame = {header, headerHeight, promptHeight, flashHeight, bodyHeight: body} as const;

	const sideBySide = columns >= sideBySideColumns;
	if (sideBySide && body >= 3 * minimumPaneHeight) {
		const [top, pods, events] = splitHeight(body, [
			{want: Math.max(want('deployments'), want('nodes')), cap: Math.floor(body * 0.35)},
			{want: want('pods'), cap: body},
			{want: want('events'), cap: Math.floor(body * 0.3)},
		], 1) as [number, number, number];
		// Deployments get their natural width (every k9s column) when the nodes pane keeps a useful width;
		// otherwise the two share the line in proportion to what they would like.
		const natural = demand.deployments.width + demand.nodes.width;
		const share = natural > 0 ? Math.min(0.5, Math.max(0.3, demand.deployments.width / natural)) : 0.4;
		const left = columns - demand.deployments.width >= nodesMinimumWidth
			? Math.max(Math.round(columns * share), Math.min(demand.deployments.width, Math.round(columns * 0.5)))
			: Math.round(columns * share);
		return {
			...frame,
			single: false,
			bands: [
				{height: top, panes: [{pane: 'deployments', width: left, height: top}, {pane: 'nodes', width: columns - left, height: top}]},
				{height: pods, panes: [{pane: 'pods', width: columns, height: pods}]},
				{height: events, panes: [{pane: 'events', width: columns, height: events}]},
			],
		};
	}
	if (!sideBySide && body >= 4 * minimumPaneHeight) {
		const order: PaneId[] = ['deployments', 'nodes', 'pods', 'events'];
		const heights = splitHeight(body, [
			{want: want('deployments'), cap: Math.floor(body * 0.2)},
			{want: want('nodes'), cap: Math.floor(body * 0.2)},
			{want: want('pods'), cap: body},
			{want: want('events'), cap: Math.floor(body * 0.25)},
		], 2);
		return {
			...frame,
			single: false,
			bands: order.map((pane, i) => ({height: heights[i]!, panes: [{pane, width: columns, height: heights[i]!}]})),
		};
	}
	return {...frame, single: true, bands: [{height: body, panes: [{pane: input.focus, width: columns, height: body}]}]};
}
