// From a snapshot to what the screen layout needs (each pane's rows and natural width), and back from a layout to
// what the keys need (how many rows each pane shows, for paging).
import type {Snapshot} from '../snapshot/snapshot.js';
import type {TableData} from '../snapshot/table-data.js';
import {columnGap} from './columns.js';
import {paneChrome, type PaneDemand, type PaneId, type ScreenLayout} from './screen.js';

export function tableWidth(table: TableData, wide: boolean): number {
	const shown = table.widths.filter((_, i) => wide || !table.columns[i]!.wide);
	return shown.reduce((sum, w) => sum + w, 0) + Math.max(0, shown.length - 1) * columnGap + 2;
}

export function demandOf(snapshot: Snapshot, wide: boolean): Record<PaneId, PaneDemand> {
	const demand = (table: TableData): PaneDemand => ({rows: table.rows.length, width: tableWidth(table, wide)});
	const {tables} = snapshot;
	return {deployments: demand(tables.deployments), nodes: demand(tables.nodes), pods: demand(tables.pods), events: demand(tables.events)};
}

/** Rows visible per pane; a pane not on screen pages by one row. */
export function pageSizes(layout: ScreenLayout): Record<PaneId, number> {
	const page: Record<PaneId, number> = {deployments: 1, nodes: 1, pods: 1, events: 1};
	for (const band of layout.bands) {
		for (const box of band.panes) page[box.pane] = Math.max(1, box.height - paneChrome);
	}
	return page;
}
