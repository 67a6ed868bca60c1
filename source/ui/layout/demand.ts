// From a layout to what the keys need: how many rows each pane shows, for paging.
import {paneChrome, type PaneId, type ScreenLayout} from './screen.js';

/** Rows visible per pane; a pane not on screen pages by one row. */
export function pageSizes(layout: ScreenLayout): Record<PaneId, number> {
	const page: Record<PaneId, number> = {deployments: 1, nodes: 1, pods: 1, events: 1};
	for (const band of layout.bands) {
		for (const box of band.panes) page[box.pane] = Math.max(1, box.height - paneChrome);
	}
	return page;
}
