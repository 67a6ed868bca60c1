// The `:` prompt: type a kubectl-style command (run through the cluster), any resource name to see it (a home pane
// gets focus, any other kind opens its view), or q to quit.
import {lookupResource} from '../../cluster/index.js';
import type {KeyPress} from './keys.js';
import {paneOrder, type PaneId, type Prompt, type Transition, type UiState} from './types.js';

/** The resource a `:` word names (plural, singular, kind or short name, as kubectl accepts), if any. */
export function resourceNamed(word: string): string | undefined {
	return /^[A-Za-z][\w.-]*$/.test(word) ? lookupResource(word)?.resource : undefined;
}

const isPane = (resource: string): resource is PaneId => (paneOrder as readonly string[]).includes(resource);

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
	const resource = resourceNamed(line);
	if (resource && isPane(resource)) {
		const {view: _view, ...home} = next;
		return {state: {...home, focus: resource}, effects: []};
	}
	if (resource) return {state: {...next, view: {resource, cursor: 0}}, effects: []};
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
