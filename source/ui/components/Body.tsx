// The area between header and flash line: the panes in their bands, or the help view; dialogs drawn over it.
import {Box} from 'ink';
import type {ScreenLayout} from '../layout/screen.js';
import type {Snapshot} from '../snapshot/snapshot.js';
import type {TableData} from '../snapshot/table-data.js';
import type {UiState} from '../state/types.js';
import type {Theme} from '../theme.js';
import {ConfirmDialog, ScaleDialog} from './Dialogs.js';
import {HelpOverlay} from './HelpOverlay.js';
import {ResourceTable} from './ResourceTable.js';

export interface BodyProps {
	layout: ScreenLayout;
	width: number;
	snapshot: Snapshot;
	state: UiState;
	theme: Theme;
	/** An open resource view (`:cm`): one table filling the body instead of the panes. */
	view?: {table: TableData; cursor: number};
}

export function Body({layout, width, snapshot, state, theme, view}: BodyProps) {
	const height = layout.bodyHeight;
	const dialog = state.dialog;
	if (dialog?.kind === 'help') {
		return <HelpOverlay width={width} height={height} offset={dialog.offset} theme={theme} />;
	}
	const area = {areaWidth: width, areaHeight: height, theme};
	if (view) {
		return (
			<Box flexDirection="column" width={width} height={height} flexShrink={0}>
				<ResourceTable table={view.table} scope={view.table.columns[0]?.title === 'NAMESPACE' ? 'all' : undefined} cursor={view.cursor} width={width} height={height} focused theme={theme} wide={state.wide} />
			</Box>
		);
	}
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0}>
			{layout.bands.map(band => (
				<Box key={band.panes.map(p => p.pane).join('+')} flexDirection="row" height={band.height} flexShrink={0}>
					{band.panes.map(box => (
						<ResourceTable
							key={box.pane}
							table={snapshot.tables[box.pane]}
							scope="all"
							cursor={state.cursors[box.pane]}
							width={box.width}
							height={box.height}
							focused={state.focus === box.pane}
							theme={theme}
							wide={state.wide}
						/>
					))}
				</Box>
			))}
			{dialog?.kind === 'scale' && <ScaleDialog dialog={dialog} {...area} />}
			{dialog?.kind === 'confirm' && <ConfirmDialog dialog={dialog} {...area} />}
		</Box>
	);
}
