// The dashboard: picks the layout for the terminal's size and wires the cluster, the UI state and the keys.
// State and logic live in hooks and pure modules (state/, layout/, render/); this only composes.
import {Box, Text, useApp, useInput} from 'ink';
import {useCallback, useMemo, useRef} from 'react';
import {Body} from './components/Body.js';
import {tableChrome} from './components/ResourceTable.js';
import {FlashLine, flashLines} from './components/FlashLine.js';
import {Header} from './components/Header.js';
import {PromptLine} from './components/PromptLine.js';
import {useClusterSnapshot} from './hooks/use-cluster-snapshot.js';
import {useDashboard} from './hooks/use-dashboard.js';
import {useResourceView} from './hooks/use-resource-view.js';
import {followView} from './state/view.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {demandOf, pageSizes} from './layout/demand.js';
import {clockText} from './layout/header.js';
import {layoutScreen} from './layout/screen.js';
import type {DashboardCluster} from './snapshot/snapshot.js';
import {hintsFor} from './state/keymap.js';
import {toKeyPresses} from './state/keys.js';
import {speedLabel, speedOf, type UiState, type ViewInfo} from './state/types.js';
import {formatClockTime, truncate} from './text.js';
import {colorFromEnv, createTheme} from './theme.js';

export interface AppProps {
	cluster: DashboardCluster;
	/** Colour on (default: unless NO_COLOR is set). */
	color?: boolean;
	/** Called when the user quits, before the app exits. */
	onQuit?: () => void;
	/** Start with some UI state (e.g. focus), for tests and scripted starts. */
	initial?: Partial<UiState>;
}

export function App({cluster, color = colorFromEnv(), onQuit, initial}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize();
	const snapshot = useClusterSnapshot(cluster);
	const theme = useMemo(() => createTheme(color), [color]);
	const quit = useCallback(() => {
		onQuit?.();
		exit();
	}, [exit, onQuit]);
	const {state, flash, dispatch} = useDashboard(cluster, snapshot, quit, initial);

	const viewTable = useResourceView(cluster, state.view?.resource);
	const view = useMemo(() => (state.view && viewTable ? followView(state.view, viewTable.rows, viewTable.index) : undefined), [state.view, viewTable]);
	const demand = useMemo(() => demandOf(snapshot, state.wide), [snapshot, state.wide]);
	const chip = view?.resource ?? state.focus;
	const flashHeight = flashLines(chip, flash, size.columns);
	const promptOpen = state.prompt !== undefined;
	const layout = useMemo(
		() => layoutScreen({...size, focus: state.focus, prompt: promptOpen, demand, flashLines: flashHeight}),
		[size, state.focus, promptOpen, demand, flashHeight],
	);
	const viewPage = Math.max(1, layout.bodyHeight - tableChrome);
	const info: ViewInfo = {tables: snapshot.tables, page: pageSizes(layout), ...(viewTable ? {view: {rows: viewTable.rows, page: viewPage, index: viewTable.index}} : {})};
	const latestInfo = useRef<ViewInfo>(info);
	latestInfo.current = info;
	useInput((input, key) => {
		for (const press of toKeyPresses(input, key)) dispatch(press, latestInfo.current);
	});

	if (layout.tooSmall) return <Text wrap="truncate">{truncate(layout.tooSmall, size.columns)}</Text>;
	const facts = {
		cluster: snapshot.name,
		tick: `Tick ${snapshot.tick}`,
		clock: clockText(state.playing, speedLabel(speedOf(state))),
		time: formatClockTime(snapshot.now),
	};
	return (
		<Box flexDirection="column" width={size.columns} height={size.rows}>
			<Header facts={facts} hints={hintsFor(view ? undefined : state.focus)} width={size.columns} mode={layout.header} theme={theme} />
			{state.prompt && <PromptLine text={state.prompt.text} width={size.columns} theme={theme} />}
			<Body layout={layout} width={size.columns} snapshot={snapshot} state={state} theme={theme} view={view && viewTable ? {table: viewTable, cursor: view.cursor} : undefined} />
			<FlashLine focus={chip} flash={flash} width={size.columns} height={layout.flashHeight} theme={theme} />
		</Box>
	);
}
