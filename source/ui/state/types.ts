// The dashboard's UI state (not the cluster's): focus, cursors, clock controls, the open dialog or prompt.
import type {KubeObject} from '../../cluster/index.js';
import type {PaneId} from '../layout/screen.js';

export type {PaneId};

/** Tab order: reading order of the layout (top left, top right, middle, bottom). */
export const paneOrder: readonly PaneId[] = ['deployments', 'nodes', 'pods', 'events'];

/** Ticks per wall-clock second while playing. */
export const speeds = [0.5, 1, 2, 4, 8, 16] as const;
export const defaultSpeed = 1;

export type Dialog =
	| {kind: 'scale'; namespace: string; name: string; replicas: string}
	| {kind: 'confirm'; question: string; command: string; choice: 'cancel' | 'ok'}
	| {kind: 'help'; offset: number};

export interface Prompt {
	text: string;
	/** Position while walking the history with up/down; undefined when editing a new line. */
	historyIndex?: number;
	/** The new line kept aside while walking the history. */
	draft: string;
}

/** A full-screen view of one kind (`:cm`, `:rs`, `:quota`): its table from the descriptor, with its own cursor. */
export interface ResourceView {
	/** Plural resource name. */
	resource: string;
	cursor: number;
	/** Key of the row under the cursor. */
	selection?: string;
}

export interface UiState {
	focus: PaneId;
	cursors: Record<PaneId, number>;
	/** Key (namespace/name) of the row under each cursor: the cursor follows it when rows move. */
	selection: Record<PaneId, string | undefined>;
	playing: boolean;
	/** Index into `speeds`. */
	speed: number;
	wide: boolean;
	dialog?: Dialog;
	prompt?: Prompt;
	/** Open over the home screen's panes; Esc closes it. */
	view?: ResourceView;
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

/** What the reducer may read about the screen: each pane's rows and how many are visible. */
export interface ViewInfo {
	tables: Record<PaneId, {rows: ReadonlyArray<{key: string; object: KubeObject}>}>;
	/** Visible rows per pane (for paging); a pane not on screen counts as 1. */
	page: Record<PaneId, number>;
	/** The open resource view's rows and visible rows. */
	view?: {rows: ReadonlyArray<{key: string; object: KubeObject}>; page: number; index: ReadonlyMap<string, number>};
}

export function initialState(): UiState {
	return {
		focus: 'pods',
		cursors: {deployments: 0, nodes: 0, pods: 0, events: 0},
		selection: {deployments: undefined, nodes: undefined, pods: undefined, events: undefined},
		playing: false,
		speed: speeds.indexOf(defaultSpeed),
		wide: false,
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
