// The dashboard's UI state (not the cluster's): focus, cursors, the view stack, clock controls, the open dialog or
// prompt, the namespace shown.
import type {KubeObject} from '../../cluster/index.js';
import type {PaneId} from '../layout/screen.js';

export type {PaneId};

/** Tab order: reading order of the layout (top left, top right, middle, bottom). */
export const paneOrder: readonly PaneId[] = ['deployments', 'nodes', 'pods', 'events'];

/** Ticks per wall-clock second while playing. */
export const speeds = [0.5, 1, 2, 4, 8, 16] as const;
export const defaultSpeed = 1;

/** The API's limit for replicas (int32). */
export const maxReplicas = 2147483647;

export type Dialog =
	/** `fresh`: the prefilled value is selected, so the first digit typed replaces it (k9s). */
	| {kind: 'scale'; resource: string; namespace: string; name: string; replicas: string; fresh: boolean}
	| {kind: 'confirm'; title: string; question: string; command: string; choice: 'cancel' | 'ok'; verb: string}
	| {kind: 'quit'; choice: 'cancel' | 'ok'}
	/** `r` on a node: kubectl drain's flags as fields; `field` is the one being edited. */
	| {kind: 'drain'; node: string; field: number; gracePeriod: string; timeout: string; ignoreDaemonSets: boolean; deleteEmptyDirData: boolean; force: boolean; fresh: boolean}
	| {kind: 'help'; offset: number; /** The rows' resource of the view it was opened in: its keys are listed. */ resource?: string};

export interface Prompt {
	/** `command` for `:`, `filter` for `/` (rows of the current table, or a search in a text view). */
	mode: 'command' | 'filter';
	text: string;
	/** Cursor position in `text` (code units). */
	cursor: number;
	/** Position while walking the history with up/down; undefined when editing a new line. */
	historyIndex?: number;
	/** The new line kept aside while walking the history. */
	draft: string;
	/** The completions Tab offered last, shown in the hint line. */
	candidates?: string[];
}

/** k9s sorts: by a column's title, ascending unless flipped. */
export interface Sort {
	column: string;
	descending: boolean;
}

/** What a table shows beyond its rows: the cursor, a filter, a sort. */
export interface TableState {
	cursor: number;
	/** Key of the row under the cursor: the cursor follows it when rows move. */
	selection?: string;
	/** `/` text: a case-insensitive regex over the cells, `!re` inverse, `-l app=web` a label selector. */
	filter?: string;
	sort?: Sort;
	/** Column shift-O sorts by (shift-left/right move it); an index into the shown columns. */
	sortColumn?: number;
}

/** An object by name, as the views address it. */
export interface ObjectRef {
	/** Plural resource name. */
	resource: string;
	namespace?: string;
	name: string;
}

/** What a drilled-down table lists: a subset of its kind (pods of a node, of a ReplicaSet, of a Deployment). */
export interface Scope {
	/** Shown in the breadcrumb and title: `worker-1`, `web`. */
	label: string;
	namespace?: string;
	labelSelector?: string;
	fieldSelector?: string;
	/** Only objects with an ownerReference to this uid. */
	ownerUid?: string;
}

export type TextMode = 'describe' | 'yaml' | 'logs' | 'aliases';

export type View =
	/** A table of one kind (`:rs`, or a drill-down: pods of a node). */
	| {kind: 'resource'; resource: string; scope?: Scope; table: TableState}
	/** Text that scrolls: describe, YAML, logs, aliases; `/` searches it. */
	| {kind: 'text'; mode: TextMode; target?: ObjectRef; container?: string; previous?: boolean; offset: number; search?: string; follow?: boolean}
	/** A pod's containers (Enter on a pod). */
	| {kind: 'containers'; target: ObjectRef; table: TableState}
	/** `x` / `:xray deploy`: Deployment -> ReplicaSet -> Pod -> container, as a tree. */
	| {kind: 'xray'; resource: string; namespace?: string; cursor: number; selection?: string}
	/** `t` / `:trace [TICK]`: who wrote what in one tick; without `tick`, the newest (it follows each step). */
	| {kind: 'trace'; tick?: number; table: TableState}
	/** `w` / `:why pod/NAME`: the scheduler's last cycle for a pod, node x plugin. */
	| {kind: 'why'; target: ObjectRef; table: TableState}
	/** `:cp`: the control plane's processes and what each did in the last tick. */
	| {kind: 'control-plane'; table: TableState};

export interface UiState {
	focus: PaneId;
	cursors: Record<PaneId, number>;
	/** Key (namespace/name) of the row under each cursor: the cursor follows it when rows move. */
	selection: Record<PaneId, string | undefined>;
	/** The home panes' filters and sorts (k9s keeps them per view). */
	panes: Partial<Record<PaneId, Pick<TableState, 'filter' | 'sort' | 'sortColumn'>>>;
	/** Views opened over the home screen, the top one shown; Esc pops one. Empty: the home screen. */
	stack: View[];
	/** The namespace shown; undefined: all namespaces (`0`). */
	namespace?: string;
	/** Namespaces on keys 1-9, most recently used first (k9s favourites). */
	favourites: string[];
	playing: boolean;
	/** Index into `speeds`. */
	speed: number;
	wide: boolean;
	/** --readonly: mutating keys are hidden and refused, and so are mutating commands. */
	readonly: boolean;
	dialog?: Dialog;
	prompt?: Prompt;
	history: string[];
}

export type FlashLevel = 'info' | 'warn' | 'error';

/** What a key asks the outside world to do: the reducer stays pure, the dashboard hook carries these out. */
export type Effect =
	| {type: 'step'}
	| {type: 'run'; command: string}
	| {type: 'quit'}
	| {type: 'flash'; level: FlashLevel; text: string};

export interface Transition {
	state: UiState;
	effects: Effect[];
}

export interface Rows {
	rows: ReadonlyArray<{key: string; object: KubeObject}>;
	/** Visible rows (for paging). */
	page: number;
	index: ReadonlyMap<string, number>;
	/** Titles of the columns shown, for shift-O. */
	columns?: readonly string[];
}

/** What the reducer may read about the screen: each pane's rows and how many are visible, and the top view's. */
export interface ViewInfo {
	tables: Record<PaneId, {rows: ReadonlyArray<{key: string; object: KubeObject}>}>;
	/** Visible rows per pane; a pane not on screen counts as 1. */
	page: Record<PaneId, number>;
	/** The top view's rows when it is a table (resource, containers, xray). */
	view?: Rows;
	/** Column titles each home pane shows, for shift-O. */
	paneColumns?: Record<PaneId, readonly string[]>;
	/** The top view's text when it is a text view: its lines and how many show. */
	text?: {lines: readonly string[]; page: number};
	/** Names for Tab completion: objects of a resource (in a namespace or all). */
	names?: (resource: string, namespace?: string) => readonly string[];
	/** The ticks the trace still holds whole (for `:trace TICK` and the trace view's [ and ]). */
	ticks?: {oldest: number; newest: number};
}

export function initialState(): UiState {
	return {
		focus: 'pods',
		cursors: {deployments: 0, nodes: 0, pods: 0, events: 0},
		selection: {deployments: undefined, nodes: undefined, pods: undefined, events: undefined},
		panes: {},
		stack: [],
		favourites: ['default'],
		playing: false,
		speed: speeds.indexOf(defaultSpeed),
		wide: false,
		readonly: false,
		history: [],
	};
}

export function speedOf(state: UiState): number {
	return speeds[state.speed] ?? defaultSpeed;
}

/** `2x`, `0.5x`. */
export function speedLabel(speed: number): string {
	return `${speed}x`;
}

export function topView(state: UiState): View | undefined {
	return state.stack[state.stack.length - 1];
}
