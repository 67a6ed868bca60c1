// Where everything goes on the terminal: header, prompt line, panes in bands, flash line. Pure, from the terminal
// size alone. The frame never exceeds the terminal's height.
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
	header: 'full' | 'two' | 'compact';
	headerHeight: number;
	promptHeight: number;
	/** Height of the area the panes (or the help overlay) fill. */
	bodyHeight: number;
	bands: Band[];
	flashHeight: number;
	/** Only the focused pane fits. */
	single: boolean;
}

export interface LayoutInput extends Size {
	focus: PaneId;
	prompt: boolean;
	/** Lines the flash message needs (a long error wraps to up to 3 lines on terminals of 20 rows or more). */
	flashLines?: number;
}

export const minimumSize: Size = {columns: 40, rows: 10};
/** Rows a full (three-line) header needs the terminal to have, and columns for panes side by side. */
const fullHeaderRows = 30;
const fullHeaderColumns = 80;
const twoLineHeaderRows = 20;
const sideBySideColumns = 72;
/** The deployments pane's share of the top band's width (the nodes pane has more columns). */
const deploymentsShare = 0.42;
/** Top border, column titles, one row, bottom border. */
export const minimumPaneHeight = 4;
/** Lines a pane spends on its borders and column titles. */
export const paneChrome = 3;

export function layoutScreen(input: LayoutInput): ScreenLayout {
	const {columns, rows} = input;
	const base = {header: 'compact' as 'full' | 'two' | 'compact', headerHeight: 0, promptHeight: 0, bodyHeight: 0, bands: [], flashHeight: 0, single: false};
	if (columns < minimumSize.columns || rows < minimumSize.rows) {
		const long = `terminal too small (${columns}x${rows}): need ${minimumSize.columns}x${minimumSize.rows}`;
		// Say it in as few columns as it takes: the short form still names both sizes.
		return {...base, tooSmall: long.length <= columns ? long : `${columns}x${rows} < ${minimumSize.columns}x${minimumSize.rows}`};
	}
	// 80x24, a common default, keeps a line of key hints (k9s users complain when small terminals hide them).
	const header = rows >= fullHeaderRows && columns >= fullHeaderColumns ? 'full' : rows >= twoLineHeaderRows ? 'two' : 'compact';
	const headerHeight = header === 'full' ? 3 : header === 'two' ? 2 : 1;
	// The prompt line and its hint line.
	const promptHeight = input.prompt ? 2 : 0;
	const flashHeight = rows >= 20 ? Math.max(1, Math.min(3, input.flashLines ?? 1)) : 1;
	const body = rows - headerHeight - promptHeight - flashHeight;
	const frame = {header, headerHeight, promptHeight, flashHeight, bodyHeight: body} as const;

	// Pane sizes come from the terminal alone, never from how many rows each pane has: the layout stays still as
	// the cluster changes (a pane that jumps from 22 rows to 1 between ticks loses the reader's place).
	const sideBySide = columns >= sideBySideColumns;
	if (sideBySide && body >= 3 * minimumPaneHeight) {
		const top = Math.max(minimumPaneHeight, Math.floor(body * 0.3));
		const events = Math.max(minimumPaneHeight, Math.floor(body * 0.28));
		const pods = body - top - events;
		const left = Math.round(columns * deploymentsShare);
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
		const small = Math.max(minimumPaneHeight, Math.floor(body * 0.2));
		const events = Math.max(minimumPaneHeight, Math.floor(body * 0.22));
		const heights = [small, small, body - 2 * small - events, events];
		return {
			...frame,
			single: false,
			bands: order.map((pane, i) => ({height: heights[i]!, panes: [{pane, width: columns, height: heights[i]!}]})),
		};
	}
	return {...frame, single: true, bands: [{height: body, panes: [{pane: input.focus, width: columns, height: body}]}]};
}
