// The one registry of the dashboard's keys: what the reducer dispatches on, what the header hints and the
// help overlay list. Keys follow k9s; the clock takes keys k9s leaves free (n, space, +, -).
import type {PaneId} from './types.js';

export type Action =
	| 'step' | 'togglePlay' | 'faster' | 'slower'
	| 'nextPane' | 'prevPane' | 'down' | 'up' | 'top' | 'bottom' | 'pageDown' | 'pageUp'
	| 'scale' | 'delete' | 'cordon' | 'uncordon'
	| 'prompt' | 'help' | 'wide' | 'quit';

export type Group = 'Clock' | 'Actions' | 'Navigation' | 'General';

export interface Binding {
	action: Action;
	/** Key names as keyName() gives them; the first is the one shown. */
	keys: readonly string[];
	/** Short label for the header hints. */
	label: string;
	/** One line for the help overlay. */
	description: string;
	group: Group;
	/** Only when one of these panes has focus. */
	panes?: readonly PaneId[];
	/** Shown among the header's key hints. */
	hint?: boolean;
}

export const bindings: readonly Binding[] = [
	{action: 'step', keys: ['n'], label: 'Step', description: 'Advance the cluster one tick', group: 'Clock', hint: true},
	{action: 'togglePlay', keys: ['space'], label: 'Play/Pause', description: 'Play or pause the clock', group: 'Clock', hint: true},
	{action: 'faster', keys: ['+', '='], label: 'Faster', description: 'Play faster (0.5x .. 16x ticks per second)', group: 'Clock', hint: true},
	{action: 'slower', keys: ['-', '_'], label: 'Slower', description: 'Play slower', group: 'Clock', hint: true},
	{action: 'scale', keys: ['s'], label: 'Scale', description: 'Scale the selected deployment', group: 'Actions', panes: ['deployments'], hint: true},
	{action: 'delete', keys: ['ctrl-d'], label: 'Delete', description: 'Delete the selected pod or deployment (asks first)', group: 'Actions', panes: ['pods', 'deployments'], hint: true},
	{action: 'cordon', keys: ['c'], label: 'Cordon', description: 'Cordon the selected node (no new pods)', group: 'Actions', panes: ['nodes'], hint: true},
	{action: 'uncordon', keys: ['u'], label: 'Uncordon', description: 'Uncordon the selected node', group: 'Actions', panes: ['nodes'], hint: true},
	{action: 'prompt', keys: [':'], label: 'Command', description: 'Command prompt: kubectl-style command, a pane (po, dp, no, ev) or q', group: 'General', hint: true},
	{action: 'help', keys: ['?'], label: 'Help', description: 'Show every key', group: 'General', hint: true},
	{action: 'wide', keys: ['ctrl-w'], label: 'Wide', description: 'Toggle wide columns', group: 'General'},
	{action: 'quit', keys: ['q', 'ctrl-c'], label: 'Quit', description: 'Quit kubetui', group: 'General', hint: true},
	{action: 'nextPane', keys: ['tab'], label: 'Next pane', description: 'Focus the next pane', group: 'Navigation', hint: true},
	{action: 'prevPane', keys: ['shift-tab'], label: 'Prev pane', description: 'Focus the previous pane', group: 'Navigation'},
	{action: 'down', keys: ['j', 'down'], label: 'Down', description: 'Move the cursor down', group: 'Navigation'},
	{action: 'up', keys: ['k', 'up'], label: 'Up', description: 'Move the cursor up', group: 'Navigation'},
	{action: 'top', keys: ['g', 'home'], label: 'Top', description: 'Go to the first row', group: 'Navigation'},
	{action: 'bottom', keys: ['G', 'end'], label: 'Bottom', description: 'Go to the last row', group: 'Navigation'},
	{action: 'pageDown', keys: ['ctrl-f', 'pgdn'], label: 'Page down', description: 'Page down', group: 'Navigation'},
	{action: 'pageUp', keys: ['ctrl-b', 'pgup'], label: 'Page up', description: 'Page up', group: 'Navigation'},
];

const displayNames: Record<string, string> = {
	'space': 'space', 'tab': 'tab', 'shift-tab': 'shift-tab', 'down': '↓', 'up': '↑', 'home': 'home', 'end': 'end',
	'pgdn': 'pgdn', 'pgup': 'pgup', 'enter': 'enter', 'esc': 'esc',
};

/** How a key is written in hints and help: `ctrl-d`, `space`, `↓`. */
export function displayKey(name: string): string {
	return displayNames[name] ?? name;
}

export function findBinding(key: string, focus: PaneId): {binding?: Binding; elsewhere?: Binding} {
	const matches = bindings.filter(b => b.keys.includes(key));
	const binding = matches.find(b => !b.panes || b.panes.includes(focus));
	return binding ? {binding} : {elsewhere: matches[0]};
}

/** The header's hints for the focused pane (general keys plus that pane's own); only general keys in a view. */
export function hintsFor(focus: PaneId | undefined): Binding[] {
	return bindings.filter(b => b.hint && (!b.panes || (focus !== undefined && b.panes.includes(focus))));
}
