// Keys that act on the object under the cursor: drill down, describe, YAML, logs, xray, and the mutating ones
// (scale, restart, delete, kill, cordon). Each turns into a view pushed on the stack, a dialog, or a kubectl command.
import {fromLabelSelector, lookupResource, type KubeObject} from '../../cluster/index.js';
import type {Action} from './keymap.js';
import {currentResource, home, pushView, selectedKey, selectedObject} from './stack.js';
import {rememberNamespace} from './namespaces.js';
import {drainDialog} from './drain-dialog.js';
import type {ObjectRef, TextMode, Transition, UiState, ViewInfo} from './types.js';

const stay = (state: UiState): Transition => ({state, effects: []});
const warn = (state: UiState, text: string): Transition => ({state, effects: [{type: 'flash', level: 'warn', text}]});

/** Tables whose rows are of several kinds (or stand for objects): the row's object says which. */
const mixed = new Set(['xray', 'containers', 'trace', 'why', 'control-plane']);

/** The object's plural resource: the table's, or (xray, containers, trace, ...) from its kind. */
export function resourceOf(state: UiState, object: KubeObject): string | undefined {
	const resource = currentResource(state);
	if (resource && !mixed.has(resource)) return resource;
	return object.kind ? lookupResource(object.kind)?.resource : undefined;
}

export function refOf(resource: string, object: KubeObject): ObjectRef {
	return {resource, name: object.metadata?.name ?? '', ...(object.metadata?.namespace ? {namespace: object.metadata.namespace} : {})};
}

/** `kind/name -n ns`, as kubectl takes it. */
export function commandTarget(ref: ObjectRef): string {
	const singular = lookupResource(ref.resource)?.singular ?? ref.resource;
	return `${singular}/${ref.name}${ref.namespace ? ` -n ${ref.namespace}` : ''}`;
}

function textView(state: UiState, mode: TextMode, target: ObjectRef, extra: {container?: string; previous?: boolean} = {}): Transition {
	return stay(pushView(state, {kind: 'text', mode, target, offset: mode === 'logs' ? Number.MAX_SAFE_INTEGER : 0, ...extra, ...(mode === 'logs' ? {follow: true} : {})}));
}

/** Enter: what k9s opens for each kind. */
function drill(state: UiState, resource: string, object: KubeObject, info: ViewInfo): Transition {
	const meta = object.metadata ?? {};
	const name = meta.name ?? '';
	const namespace = meta.namespace;
	const spec = object.spec as {selector?: unknown} | undefined;
	switch (resource) {
		case 'deployments': {
			const selector = fromLabelSelector(spec?.selector as never).toString();
			return stay(pushView(state, {kind: 'resource', resource: 'pods', scope: {label: name, namespace, labelSelector: selector}, table: {cursor: 0}}));
		}
		case 'replicasets':
		case 'jobs':
		case 'daemonsets':
		case 'statefulsets':
			return stay(pushView(state, {kind: 'resource', resource: 'pods', scope: {label: name, namespace, ownerUid: meta.uid}, table: {cursor: 0}}));
		case 'nodes':
			return stay(pushView(state, {kind: 'resource', resource: 'pods', scope: {label: name, fieldSelector: `spec.nodeName=${name}`}, table: {cursor: 0}}));
		case 'services': {
			const selector = spec?.selector as Record<string, string> | undefined;
			if (!selector || Object.keys(selector).length === 0) return warn(state, `service ${name} has no selector: no pods to show`);
			const text = Object.entries(selector).map(([k, v]) => `${k}=${v}`).join(',');
			return stay(pushView(state, {kind: 'resource', resource: 'pods', scope: {label: name, namespace, labelSelector: text}, table: {cursor: 0}}));
		}
		case 'pods':
			return stay(pushView(state, {kind: 'containers', target: refOf('pods', object), table: {cursor: 0}}));
		case 'containers': {
			const container = selectedKey(state, info);
			return textView(state, 'logs', refOf('pods', object), container ? {container} : {});
		}
		case 'namespaces': {
			const next = rememberNamespace(home(state), name);
			return {state: {...next, focus: 'pods'}, effects: [{type: 'flash', level: 'info', text: `namespace ${name}`}]};
		}
		default:
			return textView(state, 'describe', refOf(resource, object));
	}
}

function confirm(state: UiState, verb: string, question: string, command: string): Transition {
	return stay({...state, dialog: {kind: 'confirm', title: ` ${verb[0]!.toUpperCase()}${verb.slice(1)} `, verb, question, command, choice: 'cancel'}});
}

export function objectAction(state: UiState, action: Action, info: ViewInfo): Transition {
	const object = selectedObject(state, info);
	if (!object?.metadata?.name) return warn(state, `no ${currentResource(state) ?? 'row'} selected to act on`);
	const resource = resourceOf(state, object);
	if (!resource) return warn(state, `${object.kind ?? 'this row'}: not a served kind`);
	const xrayContainer = currentResource(state) === 'xray' && selectedKey(state, info)?.includes('#');
	const ref = refOf(resource, object);
	switch (action) {
		case 'enter':
			if (xrayContainer) return textView(state, 'logs', ref, {container: selectedKey(state, info)!.split('#')[1]!});
			return drill(state, currentResource(state) === 'xray' ? resource : currentResource(state) ?? resource, object, info);
		case 'describe': return textView(state, 'describe', ref);
		case 'yaml': return textView(state, 'yaml', ref);
		case 'logs':
		case 'logsPrevious': {
			const container = currentResource(state) === 'containers' ? selectedKey(state, info) : undefined;
			return textView(state, 'logs', ref, {...(container ? {container} : {}), ...(action === 'logsPrevious' ? {previous: true} : {})});
		}
		case 'xray': {
			const root = resource === 'pods' || resource === 'replicasets' ? resource : 'deployments';
			return stay(pushView(state, {kind: 'xray', resource: root, ...(state.namespace ? {namespace: state.namespace} : {}), cursor: 0}));
		}
		case 'scale': {
			const spec = object.spec as {replicas?: number} | undefined;
			return stay({...state, dialog: {kind: 'scale', resource, name: ref.name, namespace: ref.namespace ?? 'default', replicas: String(spec?.replicas ?? 1), fresh: true}});
		}
		case 'drain':
			return stay({...state, dialog: drainDialog(ref.name)});
		case 'restart':
			return confirm(state, 'restart', `Restart deployment ${ref.namespace}/${ref.name}?`, `rollout restart ${commandTarget(ref)}`);
		case 'delete': {
			const singular = lookupResource(resource)?.singular ?? resource;
			return confirm(state, 'delete', `Delete ${singular} ${ref.namespace ? `${ref.namespace}/` : ''}${ref.name}?`, `delete ${commandTarget(ref)}`);
		}
		case 'kill':
			return {state, effects: [{type: 'run', command: `delete ${commandTarget(ref)} --grace-period=0 --force`}]};
		case 'cordon':
		case 'uncordon':
			return confirm(state, action, `${action === 'cordon' ? 'Cordon' : 'Uncordon'} node ${ref.name}?`, `${action} ${ref.name}`);
		default:
			return stay(state);
	}
}
