// The `:` prompt: type a kubectl-style command (run through the cluster), a pane name to focus it, or q to quit.
import type {KeyPress} from './keys.js';
import type {PaneId, Prompt, Transition, UiState} from './types.js';

/** k9s resource names and short names, for the panes the dashboard has. */
export const paneAliases: Record<string, PaneId> = {
	po: 'pods', pod: 'pods', pods: 'pods',
	deploy: 'deployments', deployment: 'deployments', deployments: 'deployments', dp: 'deployments',
	no: 'nodes', node: 'nodes', nodes: 'nodes',
	ev: 'events', event: 'events', events: 'events',
};

const quitCommands = new Set(['q', 'q!', 'quit', 'qa']);
const historyLimit = 100;

function closePrompt(state: UiState): UiState {
	const {prompt: _prompt, ...rest} = state;
	return rest;
}

function remember(history: string[], line: string): string[] {
	const next = history[history.length - 1] === line ? history : [...history, line];
	return next.slice(-historyLimit);
}

function submit(state: UiState, prompt: Prompt): Transition {
	const line = prompt.text.trim().replace(/^:+/, '').trim();
	const closed = closePrompt(state);
	if (line === '') return {state: closed, effects: []};
	const next = {...closed, history: remember(state.history, line)};
	if (quitCommands.has(line)) return {state: next, effects: [{type: 'quit'}]};
	const pane = paneAliases[line.toLowerCase()];
	if (pane) return {state: {...next, focus: pane}, effects: []};
	const command = line.replace(/^kubectl\s+/, '');
	return {state: next, effects: [{type: 'run', command}]};
}

/** Walk the history: up goes back, down forward, past the newest returns to the line being typed. */
function walk(state: UiState, prompt: Prompt, step: -1 | 1): Transition {
	const {history} = state;
	if (history.length === 0) return {state, effects: []};
	const current = prompt.historyIndex ?? history.length;
	const index = Math.max(0, Math.min(history.length, current + step));
	if (index === current) return {state, effects: []};
	const draft = prompt.historyIndex === undefined ? prompt.text : prompt.draft;
	const next: Prompt = index === history.length
		? {text: draft, draft}
		: {text: history[index]!, historyIndex: index, draft};
	return {state: {...state, prompt: next}, effects: []};
}

export function promptKey(state: UiState, prompt: Prompt, key: KeyPress): Transition {
	switch (key.name) {
		case 'esc': return {state: closePrompt(state), effects: []};
		case 'enter': return submit(state, prompt);
		case 'up': return walk(state, prompt, -1);
		case 'down': return walk(state, prompt, 1);
		case 'backspace': return {state: {...state, prompt: {...prompt, text: prompt.text.slice(0, -1)}}, effects: []};
		case 'ctrl-u': return {state: {...state, prompt: {...prompt, text: ''}}, effects: []};
		default:
			// Typed or pasted text (a paste arrives as one input).
			return key.text === '' ? {state, effects: []} : {state: {...state, prompt: {...prompt, text: prompt.text + key.text}}, effects: []};
	}
}
