// kubetui's own views on the stack: the trace of a tick (`t`, `:trace [TICK]`), why a pod is where it is (`w` on a
// pod, `:why pod/NAME [-n NS]`) and the control plane (`:cp`). Their rows move like any table's (stack.ts); this
// file opens them, checks what the `:` line names, and adds their keys: [ and ] walk the trace's ticks, Enter goes
// to the object a row is about.
import {lookupResource} from '../../cluster/index.js';
import type {Action} from './keymap.js';
import {pushView, replaceTop, selectedObject} from './stack.js';
import type {ObjectRef, Transition, UiState, View, ViewInfo} from './types.js';

export type InspectView = Extract<View, {kind: 'trace' | 'why' | 'control-plane'}>;

export const inspectKinds: ReadonlySet<View['kind']> = new Set(['trace', 'why', 'control-plane']);

export function isInspectView(view: View | undefined): view is InspectView {
	return view !== undefined && inspectKinds.has(view.kind);
}

const stay = (state: UiState): Transition => ({state, effects: []});
const flash = (state: UiState, level: 'info' | 'warn' | 'error', text: string): Transition => ({state, effects: [{type: 'flash', level, text}]});

/** The trace of `tick`, or of the newest tick (following each step) when none is given. */
export function openTrace(state: UiState, tick?: number): UiState {
	return pushView(state, {kind: 'trace', ...(tick === undefined ? {} : {tick}), table: {cursor: 0}});
}

export function openWhy(state: UiState, target: ObjectRef): UiState {
	return pushView(state, {kind: 'why', target, table: {cursor: 0}});
}

export function openControlPlane(state: UiState): UiState {
	return pushView(state, {kind: 'control-plane', table: {cursor: 0}});
}

/** `w`: the scheduler's last cycle for the pod under the cursor. */
export function whySelected(state: UiState, info: ViewInfo): Transition {
	const object = selectedObject(state, info);
	const name = object?.metadata?.name;
	if (!name || object?.kind !== 'Pod') return flash(state, 'warn', 'w: why works on a pod: select one first');
	return stay(openWhy(state, {resource: 'pods', name, namespace: object.metadata?.namespace ?? 'default'}));
}

function traceCommand(state: UiState, arg: string | undefined, info: ViewInfo): Transition {
	if (arg === undefined) return stay(openTrace(state));
	if (!/^\d+$/.test(arg)) return flash(state, 'error', `trace: "${arg}" is not a tick number (:trace or :trace TICK)`);
	const tick = Number(arg);
	const ticks = info.ticks;
	if (ticks && (tick < ticks.oldest || tick > ticks.newest)) {
		return flash(state, 'error', `trace: tick ${tick} is not in history: ticks ${ticks.oldest}-${ticks.newest} are kept`);
	}
	return stay(openTrace(state, ticks && tick === ticks.newest ? undefined : tick));
}

/** `:why pod/NAME`, `:why NAME`, with `-n NS` / `--namespace NS` anywhere after. */
function whyCommand(state: UiState, args: string[], info: ViewInfo): Transition {
	let namespace: string | undefined;
	const rest: string[] = [];
	for (let i = 0; i < args.length; i++) {
		const arg = args[i]!;
		if (arg === '-n' || arg === '--namespace') namespace = args[++i];
		else if (arg.startsWith('--namespace=')) namespace = arg.slice('--namespace='.length);
		else if (/^-n./.test(arg)) namespace = arg.slice(2);
		else rest.push(arg);
	}
	const usage = ':why pod/NAME [-n NAMESPACE]';
	if (namespace === '') namespace = undefined;
	if (rest.length !== 1) return flash(state, 'error', `why: name one pod: ${usage}`);
	const [kind, name] = rest[0]!.includes('/') ? rest[0]!.split('/', 2) as [string, string] : ['pods', rest[0]!];
	const resource = lookupResource(kind)?.resource;
	if (resource !== 'pods') return flash(state, 'error', `why: the scheduler places pods, not "${kind}": ${usage}`);
	if (!name) return flash(state, 'error', `why: name one pod: ${usage}`);
	const ns = namespace ?? state.namespace ?? 'default';
	const known = info.names?.('pods', ns);
	if (known && !known.includes(name)) return flash(state, 'error', `why: pods "${name}" not found in namespace "${ns}"`);
	return stay(openWhy(state, {resource: 'pods', name, namespace: ns}));
}

/** A `:` line that opens one of these views; undefined when it is something else. */
export function inspectCommand(state: UiState, words: readonly string[], info: ViewInfo): Transition | undefined {
	const [first, ...args] = words;
	switch (first) {
		case 'trace': case 'tr':
			if (args.length > 1) return flash(state, 'error', `trace: one tick at most (:trace or :trace TICK)`);
			return traceCommand(state, args[0], info);
		case 'why':
			return whyCommand(state, args, info);
		case 'cp': case 'controlplane': case 'control-plane':
			if (args.length > 0) return flash(state, 'error', `cp: takes nothing after it`);
			return stay(openControlPlane(state));
		default:
			return undefined;
	}
}

/** Enter on a row: the object's table with the cursor on it (Esc comes back here). */
function goTo(state: UiState, ref: {resource: string; namespace?: string; name: string}, info: ViewInfo): Transition {
	const type = lookupResource(ref.resource);
	const shown = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
	if (!type) return flash(state, 'warn', `${ref.resource} ${shown}: not a kind the dashboard shows`);
	const names = info.names?.(type.resource, ref.namespace);
	if (names && !names.includes(ref.name)) return flash(state, 'warn', `${type.singular} ${shown} no longer exists`);
	return stay(pushView(state, {
		kind: 'resource', resource: type.resource,
		// The object's namespace (cluster-scoped: all of its kind), the cursor on it; the crumb names it.
		...(ref.namespace ? {scope: {label: ref.name, namespace: ref.namespace}} : {}),
		table: {cursor: 0, selection: shown},
	}));
}

/** The trace's next tick in `direction`, within history; the newest follows every step. */
function walkTicks(state: UiState, view: Extract<InspectView, {kind: 'trace'}>, info: ViewInfo, direction: -1 | 1): Transition {
	const ticks = info.ticks;
	if (!ticks) return stay(state);
	const current = view.tick ?? ticks.newest;
	const tick = current + direction;
	if (tick < ticks.oldest) return flash(state, 'warn', `tick ${current} is the oldest kept (history: ticks ${ticks.oldest}-${ticks.newest})`);
	if (tick > ticks.newest) return flash(state, 'info', `tick ${current} is the newest: n steps the clock`);
	const {tick: _tick, ...rest} = view;
	return stay(replaceTop(state, {...rest, ...(tick === ticks.newest ? {} : {tick}), table: {cursor: 0}}));
}

/** The keys these views add; undefined for a key they leave to the common table keys. */
export function inspectKey(state: UiState, view: InspectView, info: ViewInfo, key: string, action: Action | undefined): Transition | undefined {
	if (view.kind === 'trace' && (action === 'earlierTick' || key === 'left')) return walkTicks(state, view, info, -1);
	if (view.kind === 'trace' && (action === 'laterTick' || key === 'right')) return walkTicks(state, view, info, 1);
	if (view.kind === 'trace' && action === 'trace') {
		const {tick: _tick, ...rest} = view;
		return stay(replaceTop(state, {...rest, table: {cursor: 0}}));
	}
	if (action !== 'enter') return undefined;
	const object = selectedObject(state, info);
	const name = object?.metadata?.name;
	if (!object?.kind || !name) return flash(state, 'warn', `enter: nothing to open on this row`);
	return goTo(state, {resource: object.kind, name, ...(object.metadata?.namespace ? {namespace: object.metadata.namespace} : {})}, info);
}
