// The `:` prompt (a kubectl-style command, any kind's name to see it, k9s's own words: xray, ns, aliases, help,
// pulses, q) and the `/` filter prompt. Both edit a line with a cursor: left/right, ctrl-a/e, ctrl-w, ctrl-u.
import {lookupResource} from '../../cluster/index.js';
import {complete, kubectlVerbs} from './completion.js';
import {openHelp} from './dialogs.js';
import type {KeyPress} from './keys.js';
import {rememberNamespace} from './namespaces.js';
import {currentTable, home, pushView, replaceTop, withTable} from './stack.js';
import {jumpToMatch} from './text-view.js';
import {inspectCommand} from './inspect-views.js';
import {paneOrder, topView, type PaneId, type Prompt, type Transition, type UiState, type ViewInfo} from './types.js';

/** The resource a `:` word names (plural, singular, kind or short name, as kubectl accepts), if any. */
export function resourceNamed(word: string): string | undefined {
	return /^[A-Za-z][\w.-]*$/.test(word) ? lookupResource(word)?.resource : undefined;
}

const isPane = (resource: string): resource is PaneId => (paneOrder as readonly string[]).includes(resource);

const quitCommands = new Set(['q', 'q!', 'quit', 'qa', 'exit']);
/** Commands that change the cluster: refused with --readonly. */
export const mutatingVerbs = new Set(['apply', 'cordon', 'delete', 'drain', 'rollout', 'scale', 'uncordon', 'stop', 'start', 'partition', 'heal', 'add', 'terminate', 'fail', 'restore', 'create', 'patch', 'edit', 'label', 'annotate', 'taint']);
const historyLimit = 100;

export function openPrompt(state: UiState, mode: Prompt['mode'], text = ''): UiState {
	return {...state, prompt: {mode, text, cursor: text.length, draft: ''}};
}

function closePrompt(state: UiState): UiState {
	const {prompt: _prompt, ...rest} = state;
	return rest;
}

function remember(history: string[], line: string): string[] {
	const next = history[history.length - 1] === line ? history : [...history, line];
	return next.slice(-historyLimit);
}

const flash = (state: UiState, level: 'info' | 'warn' | 'error', text: string): Transition => ({state, effects: [{type: 'flash', level, text}]});

function showResource(state: UiState, resource: string, namespace: string | undefined): Transition {
	let next = namespace ? rememberNamespace(state, namespace) : state;
	if (isPane(resource)) return {state: {...home(next), focus: resource}, effects: []};
	next = pushView(next, {kind: 'resource', resource, table: {cursor: 0}});
	return {state: next, effects: []};
}

/** A `:` line: what it opens or runs. */
export function submitCommand(state: UiState, line: string, info: ViewInfo): Transition {
	const words = line.split(/\s+/);
	const [first = '', second] = words;
	if (quitCommands.has(line)) return {state, effects: [{type: 'quit'}]};
	const inspect = inspectCommand(state, words, info);
	if (inspect) return inspect;
	switch (first) {
		case 'help': case '?': case 'h':
			return {state: openHelp(state), effects: []};
		case 'aliases': case 'alias': case 'a':
			return {state: pushView(state, {kind: 'text', mode: 'aliases', offset: 0}), effects: []};
		case 'pulses': case 'pulse': case 'pu':
			return flash(home(state), 'info', 'the home screen is kubetui\'s pulse: nodes, deployments, pods and events, tick by tick');
		case 'xray': case 'x': {
			const resource = second ? resourceNamed(second) : 'deployments';
			if (!resource || !['deployments', 'replicasets', 'pods'].includes(resource)) return flash(state, 'error', `xray: "${second}" is not one of deployments, replicasets, pods`);
			const namespace = words[2] ?? state.namespace;
			return {state: pushView(state, {kind: 'xray', resource, ...(namespace ? {namespace} : {}), cursor: 0}), effects: []};
		}
	}
	const resource = resourceNamed(first);
	if (resource === 'namespaces' && second) {
		const known = info.names?.('namespaces');
		if (known && !known.includes(second)) return flash(state, 'error', `namespace "${second}" not found`);
		return flash({...home(rememberNamespace(state, second)), focus: 'pods'}, 'info', `namespace ${second}`);
	}
	if (resource && words.length <= 2) return showResource(state, resource, second);
	const command = line.replace(/^kubectl\s+/, '');
	const verb = command.split(/\s+/)[0] ?? '';
	if (words.length === 1 && !(kubectlVerbs as readonly string[]).includes(verb)) {
		return flash(state, 'error', `"${first}": no such kind or command (:aliases lists the kinds; commands: ${kubectlVerbs.join(', ')}, xray, ns, help, q)`);
	}
	if (state.readonly && mutatingVerbs.has(verb)) return flash(state, 'error', `read-only mode: "${verb}" changes the cluster and is refused`);
	return {state, effects: [{type: 'run', command}]};
}

function submit(state: UiState, prompt: Prompt, info: ViewInfo): Transition {
	const closed = closePrompt(state);
	if (prompt.mode === 'filter') return {state: closed, effects: []};
	const line = prompt.text.trim().replace(/^:+/, '').trim();
	if (line === '') return {state: closed, effects: []};
	return submitCommand({...closed, history: remember(state.history, line)}, line, info);
}

/** Walk the history: up goes back, down forward, past the newest returns to the line being typed. */
function walk(state: UiState, prompt: Prompt, step: -1 | 1): Transition {
	const {history} = state;
	if (history.length === 0 || prompt.mode !== 'command') return {state, effects: []};
	const current = prompt.historyIndex ?? history.length;
	const index = Math.max(0, Math.min(history.length, current + step));
	if (index === current) return {state, effects: []};
	const draft = prompt.historyIndex === undefined ? prompt.text : prompt.draft;
	const text = index === history.length ? draft : history[index]!;
	const next: Prompt = {mode: 'command', text, cursor: text.length, draft, ...(index === history.length ? {} : {historyIndex: index})};
	return {state: {...state, prompt: next}, effects: []};
}

/** A filter prompt's text applies as it is typed: to the table's rows, or as a text view's search. */
function applyFilter(state: UiState, text: string, info: ViewInfo): UiState {
	const view = topView(state);
	if (view?.kind === 'text') {
		const {search: _s, ...rest} = view;
		const next = text ? {...rest, search: text} : rest;
		return replaceTop(state, text && info.text ? jumpToMatch(next, info.text.lines, info.text.page, 1, 0) : next);
	}
	if (!currentTable(state)) return state;
	return withTable(state, {filter: text || undefined, cursor: 0, selection: undefined});
}

function edited(state: UiState, prompt: Prompt, text: string, cursor: number, info: ViewInfo): Transition {
	const next = {...state, prompt: {...prompt, text, cursor: Math.max(0, Math.min(text.length, cursor)), candidates: undefined}};
	return {state: prompt.mode === 'filter' && text !== prompt.text ? applyFilter(next, text, info) : next, effects: []};
}

/** Start of the word before the cursor (ctrl-w deletes back to it). */
function wordStart(text: string, cursor: number): number {
	let i = cursor;
	while (i > 0 && text[i - 1] === ' ') i--;
	while (i > 0 && text[i - 1] !== ' ') i--;
	return i;
}

export function promptKey(state: UiState, prompt: Prompt, key: KeyPress, info: ViewInfo): Transition {
	const {text, cursor} = prompt;
	switch (key.name) {
		case 'esc':
			return {state: prompt.mode === 'filter' ? applyFilter(closePrompt(state), '', info) : closePrompt(state), effects: []};
		case 'enter': return submit(state, prompt, info);
		case 'up': return walk(state, prompt, -1);
		case 'down': return walk(state, prompt, 1);
		case 'left': return edited(state, prompt, text, cursor - 1, info);
		case 'right': return edited(state, prompt, text, cursor + 1, info);
		case 'ctrl-a': case 'home': return edited(state, prompt, text, 0, info);
		case 'ctrl-e': case 'end': return edited(state, prompt, text, text.length, info);
		case 'backspace':
			if (cursor === 0) return prompt.text === '' ? {state: prompt.mode === 'filter' ? applyFilter(closePrompt(state), '', info) : closePrompt(state), effects: []} : {state, effects: []};
			return edited(state, prompt, text.slice(0, cursor - 1) + text.slice(cursor), cursor - 1, info);
		case 'ctrl-u': return edited(state, prompt, text.slice(cursor), 0, info);
		case 'ctrl-k': return edited(state, prompt, text.slice(0, cursor), cursor, info);
		case 'ctrl-w': {
			const start = wordStart(text, cursor);
			return edited(state, prompt, text.slice(0, start) + text.slice(cursor), start, info);
		}
		case 'tab': {
			if (prompt.mode !== 'command') return {state, effects: []};
			const done = complete(text, cursor, info.names ?? (() => []));
			if (!done) return {state, effects: [{type: 'flash', level: 'warn', text: 'no completion'}]};
			return {state: {...state, prompt: {...prompt, text: done.text, cursor: done.cursor, candidates: done.candidates}}, effects: []};
		}
		default:
			// Typed or pasted text, inserted at the cursor.
			if (key.text === '') return {state, effects: []};
			return edited(state, prompt, text.slice(0, cursor) + key.text + text.slice(cursor), cursor + key.text.length, info);
	}
}
