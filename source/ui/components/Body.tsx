// The area between header and flash line: the home screen's panes in their bands, or the top view of the stack
// (a table, or text); the help overlay and dialogs drawn over it.
import {Box} from 'ink';
import type {ScreenLayout} from '../layout/screen.js';
import type {TableData} from '../snapshot/table-data.js';
import type {PaneId, UiState, View} from '../state/types.js';
import type {Theme} from '../theme.js';
import {ConfirmDialog, DrainDialog, QuitDialog, ScaleDialog} from './Dialogs.js';
import {HelpOverlay} from './HelpOverlay.js';
import {ResourceTable} from './ResourceTable.js';
import {TextView, textTitle} from './TextView.js';
import type {ViewData} from '../hooks/use-view-data.js';
import {InspectBody} from '../views/InspectBody.js';
import {isInspectView} from '../state/inspect-views.js';

export interface BodyProps {
	layout: ScreenLayout;
	width: number;
	/** The home panes' tables, as shown (namespace, filter, sort applied). */
	panes: Record<PaneId, TableData>;
	state: UiState;
	theme: Theme;
	/** The top view and what it shows. */
	top?: {view: View; table?: TableData; text?: readonly string[]; data?: ViewData; cursor: number};
	/** Resource -> namespaced, for titles. */
	namespaced?: (resource: string) => boolean;
	/** The cluster's tick, for the rows changed since the last one. */
	tick?: number;
}

function viewName(view: View): string | undefined {
	switch (view.kind) {
		case 'resource': return view.scope ? `${view.resource}:${view.scope.label}` : undefined;
		case 'containers': return `containers:${view.target.name}`;
		case 'xray': return `xray:${view.resource}`;
		case 'trace': return view.tick === undefined ? 'trace' : `trace:${view.tick}`;
		case 'why': return `why:${view.target.name}`;
		case 'control-plane': return 'control-plane';
		default: return undefined;
	}
}

export function Body({layout, width, panes, state, theme, top, namespaced = () => true, tick}: BodyProps) {
	const height = layout.bodyHeight;
	const dialog = state.dialog;
	if (dialog?.kind === 'help') {
		return <HelpOverlay width={width} height={height} offset={dialog.offset} theme={theme} readonly={state.readonly} resource={dialog.resource} />;
	}
	const area = {areaWidth: width, areaHeight: height, theme};
	const scope = state.namespace ?? 'all';
	let content;
	if (top) {
		const {view} = top;
		if (isInspectView(view) && top.table && top.data) {
			content = <InspectBody view={view} data={top.data} table={top.table} cursor={top.cursor} width={width} height={height} theme={theme} />;
		} else if (view.kind === 'text' || !top.table) {
			const title = view.kind === 'text' ? textTitle(view.mode, view.target, view.container, view.previous) : viewName(view) ?? '';
			content = <TextView title={title} lines={top.text ?? []} offset={view.kind === 'text' ? view.offset : 0} search={view.kind === 'text' ? view.search : undefined} width={width} height={height} theme={theme} />;
		} else {
			const table = 'table' in view ? view.table : undefined;
			const resource = top.table.resource;
			const viewScope = view.kind === 'resource' && view.scope?.namespace ? view.scope.namespace : scope;
			content = (
				<ResourceTable
					table={top.table}
					scope={namespaced(resource) ? viewScope : undefined}
					cursor={top.cursor}
					width={width}
					height={height}
					focused
					theme={theme}
					wide={state.wide}
					filter={table?.filter}
					sort={table?.sort}
					markColumn={table?.sortColumn}
					hideNamespace={state.namespace !== undefined || (view.kind === 'resource' && view.scope?.namespace !== undefined)}
					name={viewName(view)}
					tick={tick}
				/>
			);
		}
	} else {
		content = layout.bands.map(band => (
			<Box key={band.panes.map(p => p.pane).join('+')} flexDirection="row" height={band.height} flexShrink={0}>
				{band.panes.map(box => {
					const pane = state.panes[box.pane];
					return (
						<ResourceTable
							key={box.pane}
							table={panes[box.pane]}
							scope={scope}
							cursor={state.cursors[box.pane]}
							width={box.width}
							height={box.height}
							focused={state.focus === box.pane}
							theme={theme}
							wide={state.wide}
							filter={pane?.filter}
							sort={pane?.sort}
							markColumn={state.focus === box.pane ? pane?.sortColumn : undefined}
							hideNamespace={state.namespace !== undefined}
							tick={tick}
						/>
					);
				})}
			</Box>
		));
	}
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0}>
			{content}
			{dialog?.kind === 'scale' && <ScaleDialog dialog={dialog} {...area} />}
			{dialog?.kind === 'confirm' && <ConfirmDialog dialog={dialog} {...area} />}
			{dialog?.kind === 'quit' && <QuitDialog dialog={dialog} {...area} />}
			{dialog?.kind === 'drain' && <DrainDialog dialog={dialog} {...area} />}
		</Box>
	);
}
