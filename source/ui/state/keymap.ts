// The one registry of the dashboard's keys: what the reducer dispatches on, what the header hints and the help
// overlay list. Keys follow k9s; the clock takes keys k9s leaves free (n, space, +, -).

export type Action =
	| 'step' | 'togglePlay' | 'faster' | 'slower'
	| 'nextPane' | 'prevPane' | 'down' | 'up' | 'top' | 'bottom' | 'pageDown' | 'pageUp'
	| 'enter' | 'describe' | 'yaml' | 'logs' | 'logsPrevious' | 'xray'
	| 'scale' | 'restart' | 'drain' | 'delete' | 'kill' | 'cordon' | 'uncordon'
	| 'filter' | 'sortName' | 'sortAge' | 'sortStatus' | 'sortColumn' | 'sortColumnLeft' | 'sortColumnRight'
	| 'allNamespaces' | 'favourite'
	| 'trace' | 'why' | 'earlierTick' | 'laterTick'
	| 'prompt' | 'help' | 'wide' | 'back' | 'quit' | 'quitNow';

export type Group = 'Clock' | 'Resource' | 'Actions' | 'Table' | 'Navigation' | 'General';

export interface Binding {
	action: Action;
	/** Key names as keyName() gives them; the first is the one shown. */
	keys: readonly string[];
	/** Short label for the header hints. */
	label: string;
	/** One line for the help overlay. */
	description: string;
	group: Group;
	/** Only for rows of these resources (plural names; `containers` for a pod's containers). */
	resources?: readonly string[];
	/** Changes the cluster: hidden and refused with --readonly. */
	mutates?: boolean;
	/** Shown among the header's key hints. */
	hint?: boolean;
}

export const bindings: readonly Binding[] = [
	{action: 'step', keys: ['n'], label: 'Step', description: 'Advance the cluster one tick', group: 'Clock', hint: true},
	{action: 'togglePlay', keys: ['space'], label: 'Play/Pause', description: 'Play or pause the clock', group: 'Clock', hint: true},
	{action: 'faster', keys: ['+', '='], label: 'Faster', description: 'Play faster (0.5x .. 16x ticks per second)', group: 'Clock', hint: true},
	{action: 'slower', keys: ['-', '_'], label: 'Slower', description: 'Play slower', group: 'Clock'},
	{action: 'enter', keys: ['enter'], label: 'View', description: 'Drill down: deployment or replicaset -> pods, node -> its pods, pod -> containers, namespace -> switch to it', group: 'Resource',},
	{action: 'describe', keys: ['d'], label: 'Describe', description: 'Describe the selected object (kubectl describe, events at the bottom)', group: 'Resource', hint: true},
	{action: 'yaml', keys: ['y'], label: 'YAML', description: 'The selected object as YAML', group: 'Resource', hint: true},
	{action: 'logs', keys: ['l'], label: 'Logs', description: 'Logs of the selected pod or container', group: 'Resource', resources: ['pods', 'containers'], hint: true},
	{action: 'logsPrevious', keys: ['p'], label: 'Logs previous', description: 'Logs of the previous (restarted) container', group: 'Resource', resources: ['pods', 'containers']},
	{action: 'xray', keys: ['x'], label: 'Xray', description: 'Tree: Deployment -> ReplicaSet -> Pod -> container', group: 'Resource', resources: ['deployments', 'replicasets', 'pods']},
	{action: 'scale', keys: ['s'], label: 'Scale', description: 'Scale the selected deployment or replicaset', group: 'Actions', resources: ['deployments', 'replicasets'], mutates: true, hint: true},
	{action: 'restart', keys: ['r'], label: 'Restart', description: 'Rollout restart of the selected deployment (asks first)', group: 'Actions', resources: ['deployments'], mutates: true, hint: true},
	{action: 'drain', keys: ['r'], label: 'Drain', description: 'Drain the selected node: cordon, then evict its pods (a dialog with kubectl drain\'s options)', group: 'Actions', resources: ['nodes'], mutates: true, hint: true},
	{action: 'delete', keys: ['ctrl-d'], label: 'Delete', description: 'Delete the selected object (asks first; Cancel is the default)', group: 'Actions', mutates: true, hint: true},
	{action: 'kill', keys: ['ctrl-k'], label: 'Kill', description: 'Kill the selected pod now (grace period 0, no dialog)', group: 'Actions', resources: ['pods'], mutates: true, hint: true},
	{action: 'cordon', keys: ['c'], label: 'Cordon', description: 'Cordon the selected node: no new pods (asks first)', group: 'Actions', resources: ['nodes'], mutates: true, hint: true},
	{action: 'uncordon', keys: ['u'], label: 'Uncordon', description: 'Uncordon the selected node (asks first)', group: 'Actions', resources: ['nodes'], mutates: true, hint: true},
	// kubetui's own views (inspect-views.ts): what no real cluster can show.
	{action: 'why', keys: ['w'], label: 'Why', description: 'Why the pod is where it is: the scheduler\'s last cycle, node x plugin (:why pod/NAME)', group: 'Resource', resources: ['pods'], hint: true},
	{action: 'trace', keys: ['t'], label: 'Trace', description: 'Who did what in the last tick, by component (:trace TICK for an earlier one)', group: 'Clock', hint: true},
	{action: 'earlierTick', keys: ['['], label: 'Earlier tick', description: 'Earlier tick in the trace (or ←)', group: 'Clock', resources: ['trace']},
	{action: 'laterTick', keys: [']'], label: 'Later tick', description: 'Later tick in the trace (or →); the newest follows each step', group: 'Clock', resources: ['trace']},
	{action: 'filter', keys: ['/'], label: 'Filter', description: 'Filter rows: regex, !inverse, -l app=web (enter keeps, esc clears); in text: search', group: 'Table', hint: true},
	{action: 'sortName', keys: ['N'], label: 'Sort name', description: 'Sort by name (again: reverse)', group: 'Table'},
	{action: 'sortAge', keys: ['A'], label: 'Sort age', description: 'Sort by age (again: reverse)', group: 'Table'},
	{action: 'sortStatus', keys: ['S'], label: 'Sort status', description: 'Sort by status (again: reverse)', group: 'Table'},
	{action: 'sortColumn', keys: ['O'], label: 'Sort column', description: 'Sort by the marked column (shift-←/→ move the mark)', group: 'Table'},
	{action: 'sortColumnLeft', keys: ['shift-left'], label: 'Mark left', description: 'Mark the column to the left for shift-O', group: 'Table'},
	{action: 'sortColumnRight', keys: ['shift-right'], label: 'Mark right', description: 'Mark the column to the right for shift-O', group: 'Table'},
	{action: 'allNamespaces', keys: ['0'], label: 'All ns', description: 'Show all namespaces', group: 'Table'},
	{action: 'favourite', keys: ['1', '2', '3', '4', '5', '6', '7', '8', '9'], label: 'Namespace', description: 'Show a favourite namespace (the last ones used; :ns to pick one)', group: 'Table'},
	{action: 'prompt', keys: [':'], label: 'Command', description: 'Command prompt: a kind (po, deploy, rs, ns, ...), a kubectl command, xray, trace, why, cp (control plane), help, q', group: 'General', hint: true},
	{action: 'help', keys: ['?'], label: 'Help', description: 'Show every key', group: 'General', hint: true},
	{action: 'wide', keys: ['ctrl-w'], label: 'Wide', description: 'Toggle wide columns', group: 'General'},
	{action: 'back', keys: ['esc'], label: 'Back', description: 'Back one view (clears a filter first)', group: 'General'},
	{action: 'quit', keys: ['q'], label: 'Quit', description: 'Back one view; on the home screen, quit (asks first)', group: 'General', hint: true},
	{action: 'quitNow', keys: ['ctrl-c'], label: 'Quit now', description: 'Quit kubetui at once', group: 'General'},
	{action: 'nextPane', keys: ['tab'], label: 'Next pane', description: 'Focus the next pane (home screen)', group: 'Navigation', hint: true},
	{action: 'prevPane', keys: ['shift-tab'], label: 'Prev pane', description: 'Focus the previous pane', group: 'Navigation'},
	{action: 'down', keys: ['j', 'down'], label: 'Down', description: 'Move the cursor down (text: scroll)', group: 'Navigation'},
	{action: 'up', keys: ['k', 'up'], label: 'Up', description: 'Move the cursor up', group: 'Navigation'},
	{action: 'top', keys: ['g', 'home'], label: 'Top', description: 'Go to the first row', group: 'Navigation'},
	{action: 'bottom', keys: ['G', 'end'], label: 'Bottom', description: 'Go to the last row', group: 'Navigation'},
	{action: 'pageDown', keys: ['ctrl-f', 'pgdn'], label: 'Page down', description: 'Page down', group: 'Navigation'},
	{action: 'pageUp', keys: ['ctrl-b', 'pgup'], label: 'Page up', description: 'Page up', group: 'Navigation'},
];

const displayNames: Record<string, string> = {
	'space': 'space', 'tab': 'tab', 'shift-tab': 'shift-tab', 'down': '↓', 'up': '↑', 'home': 'home', 'end': 'end',
	'pgdn': 'pgdn', 'pgup': 'pgup', 'enter': 'enter', 'esc': 'esc', 'N': 'shift-n', 'A': 'shift-a', 'S': 'shift-s', 'O': 'shift-o',
	'shift-left': 'shift-←', 'shift-right': 'shift-→',
};

/** How a key is written in hints and help: `ctrl-d`, `space`, `↓`. */
export function displayKey(name: string): string {
	return displayNames[name] ?? name;
}

const byKey = new Map<string, Binding[]>();
for (const binding of bindings) for (const key of binding.keys) byKey.set(key, [...(byKey.get(key) ?? []), binding]);

/** The binding of `key` for rows of `resource`; `elsewhere` when the key exists but not for this resource. */
export function findBinding(key: string, resource: string | undefined): {binding?: Binding; elsewhere?: Binding} {
	const matches = byKey.get(key) ?? [];
	const binding = matches.find(b => !b.resources || (resource !== undefined && b.resources.includes(resource)));
	return binding ? {binding} : {elsewhere: matches[0]};
}

/** The keys of a view whose rows are `resource`: the general ones and that resource's own, as k9s's `?` lists them;
 * mutating keys left out when read-only. */
export function bindingsFor(resource: string | undefined, readonly = false): Binding[] {
	return bindings.filter(b => !(readonly && b.mutates) && (!b.resources || (resource !== undefined && b.resources.includes(resource))));
}

/** The header's hints for the rows shown (general keys plus that resource's own); mutating keys hidden when read-only. */
export function hintsFor(resource: string | undefined, readonly = false): Binding[] {
	return bindingsFor(resource, readonly).filter(b => b.hint);
}
