// The dashboard: picks the layout for the terminal's size and wires the cluster, the UI state and the keys.
// State and logic live in hooks and pure modules (state/, layout/, render/); this only composes.
import {Box, Text, useApp, useInput} from 'ink';
import {useCallback, useMemo, useRef} from 'react';
import {lookupResource} from '../cluster/index.js';
import {Body} from './components/Body.js';
import {tableChrome} from './components/ResourceTable.js';
import {textChrome} from './components/TextView.js';
import {FlashLine, flashLines} from './components/FlashLine.js';
import {Header} from './components/Header.js';
import {PromptLine} from './components/PromptLine.js';
import {useClusterSnapshot} from './hooks/use-cluster-snapshot.js';
import {useDashboard} from './hooks/use-dashboard.js';
import {useViewData} from './hooks/use-view-data.js';
import {useTerminalSize} from './hooks/use-terminal-size.js';
import {pageSizes} from './layout/demand.js';
import {clockText} from './layout/header.js';
import {layoutScreen} from './layout/screen.js';
import type {DashboardCluster} from './snapshot/snapshot.js';
import type {TableData} from './snapshot/table-data.js';
import {viewTable} from './snapshot/table-view.js';
import {hintsFor} from './state/keymap.js';
import {toKeyPresses} from './state/keys.js';
import {followSelection, followTable} from './state/navigation.js';
import {crumbs, currentResource, replaceTop} from './state/stack.js';
import {paneOrder, speedLabel, speedOf, topView, type PaneId, type TableState, type UiState, type ViewInfo} from './state/types.js';
import {foldLines, formatClockTime, truncate} from './text.js';
import {colorFromEnv, createTheme} from './theme.js';

export interface AppProps {
	cluster: DashboardCluster;
	/** Colour on (default: unless NO_COLOR is set). */
	color?: boolean;
	/** Called when the user quits, before the app exits. */
	onQuit?: () => void;
	/** Start with some UI state (e.g. focus), for tests and scripted starts. */
	initial?: Partial<UiState>;
	/** --readonly: no key or command that changes the cluster. */
	readonly?: boolean;
	/** Wall ms of tick work between turns of the event loop (tests: 0 yields after every phase). */
	tickSlice?: number;
}

/** Column titles the keys may sort by (shift-O): the ones shown, NAMESPACE left out when one namespace is shown. */
function sortableColumns(table: TableData, wide: boolean, namespace: string | undefined): string[] {
	return table.columns.filter(c => (wide || !c.wide) && !(namespace && c.title === 'NAMESPACE')).map(c => c.title);
}

export function App({cluster, color = colorFromEnv(), onQuit, initial, readonly = false, tickSlice}: AppProps) {
	const {exit} = useApp();
	const size = useTerminalSize();
	const snapshot = useClusterSnapshot(cluster);
	const theme = useMemo(() => createTheme(color), [color]);
	const quit = useCallback(() => {
		onQuit?.();
		exit();
	}, [exit, onQuit]);
	const dashboard = useDashboard(cluster, quit, {...initial, ...(readonly ? {readonly} : {})}, tickSlice === undefined ? {} : {sliceMs: tickSlice});
	const {stored, flash, dispatch} = dashboard;

	// The home panes as shown: the namespace chosen, each pane's filter and sort.
	const panes = useMemo(() => {
		const out = {} as Record<PaneId, TableData>;
		for (const pane of paneOrder) out[pane] = viewTable(snapshot.tables[pane], {namespace: stored.namespace, ...stored.panes[pane]});
		return out;
	}, [snapshot, stored.namespace, stored.panes]);

	const top = topView(stored);
	const data = useViewData(cluster, top);
	const topTable = useMemo(() => {
		if (!data?.table || !top) return undefined;
		const options: {filter?: string; sort?: TableState['sort']} = 'table' in top ? top.table : {};
		const namespace = top.kind === 'resource' && !top.scope?.namespace ? stored.namespace : undefined;
		return viewTable(data.table, {namespace, filter: options.filter, sort: options.sort});
	}, [data, top, stored.namespace]);

	// Cursors follow their rows' keys through every cluster change.
	const state = useMemo(() => {
		const followed = followSelection(stored, {tables: panes, page: {deployments: 1, nodes: 1, pods: 1, events: 1}}, {
			deployments: panes.deployments.index, nodes: panes.nodes.index, pods: panes.pods.index, events: panes.events.index,
		});
		if (!top || !topTable) return followed;
		const rows = {rows: topTable.rows, page: 1, index: topTable.index};
		if ('table' in top) {
			const table = followTable(top.table, rows);
			return table === top.table ? followed : replaceTop(followed, {...top, table});
		}
		if (top.kind === 'xray') {
			const moved = followTable({cursor: top.cursor, selection: top.selection}, rows);
			return moved.cursor === top.cursor && moved.selection === top.selection ? followed : replaceTop(followed, {...top, ...moved});
		}
		return followed;
	}, [stored, panes, top, topTable]);
	dashboard.sync(state);

	const chips = crumbs(state);
	const flashHeight = flashLines(chips, flash, size.columns);
	const promptOpen = state.prompt !== undefined;
	const layout = useMemo(
		() => layoutScreen({...size, focus: state.focus, prompt: promptOpen, flashLines: flashHeight}),
		[size, state.focus, promptOpen, flashHeight],
	);
	const shownTop = topView(state);
	const textLines = useMemo(() => (data?.text ? foldLines(data.text, size.columns - 2) : undefined), [data, size.columns]);
	const viewPage = Math.max(1, layout.bodyHeight - tableChrome);
	const info: ViewInfo = {
		tables: panes,
		page: pageSizes(layout),
		...(topTable ? {view: {rows: topTable.rows, page: viewPage, index: topTable.index, columns: sortableColumns(topTable, state.wide, state.namespace)}} : {}),
		...(textLines ? {text: {lines: textLines, page: Math.max(1, layout.bodyHeight - textChrome)}} : {}),
		paneColumns: {
			deployments: sortableColumns(panes.deployments, state.wide, state.namespace), nodes: sortableColumns(panes.nodes, state.wide, state.namespace),
			pods: sortableColumns(panes.pods, state.wide, state.namespace), events: sortableColumns(panes.events, state.wide, state.namespace),
		},
		names: (resource, namespace) => cluster.client.list(resource, namespace ? {namespace} : {}).items.map(o => o.metadata?.name ?? ''),
		...(cluster.inspect ? {ticks: cluster.inspect.history()} : {}),
	};
	const latestInfo = useRef<ViewInfo>(info);
	latestInfo.current = info;
	useInput((input, key) => {
		for (const press of toKeyPresses(input, key)) dispatch(press, latestInfo.current);
	});

	if (layout.tooSmall) return <Text wrap="truncate">{truncate(layout.tooSmall, size.columns)}</Text>;
	const facts = {
		cluster: snapshot.name,
		tick: `Tick ${snapshot.tick}`,
		clock: clockText(state.playing, speedLabel(speedOf(state)), dashboard.ticks),
		time: formatClockTime(snapshot.now),
	};
	// The text view's scroll offset is clamped to its lines here, so a view opened at the end (logs) shows the end.
	const cursor = shownTop && 'table' in shownTop ? shownTop.table.cursor : shownTop?.kind === 'xray' ? shownTop.cursor : 0;
	const bodyTop = shownTop ? {view: shownTop, ...(topTable ? {table: topTable} : {}), ...(textLines ? {text: textLines} : {}), ...(data ? {data} : {}), cursor} : undefined;
	return (
		<Box flexDirection="column" width={size.columns} height={size.rows}>
			<Header facts={facts} hints={hintsFor(currentResource(state), state.readonly)} width={size.columns} mode={layout.header} theme={theme} />
			{state.prompt && <PromptLine prompt={state.prompt} width={size.columns} theme={theme} />}
			<Body layout={layout} width={size.columns} panes={panes} state={state} theme={theme} top={bodyTop} namespaced={resource => lookupResource(resource)?.namespaced ?? false} tick={snapshot.tick} />
			<FlashLine crumbs={chips} flash={flash} width={size.columns} height={layout.flashHeight} theme={theme} idle={shownTop ? undefined : snapshot.summary} />
		</Box>
	);
}
