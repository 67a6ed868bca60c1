// `kubectl get` and `kubectl describe`: any served kind, from its descriptor's columns and describer.
import {stringify} from 'yaml';
import {lookupResource, isStatusError, type ApiClient, type ResourceType} from '../api/index.js';
import type {Event, KubeObject} from '../objects/types.js';
import {CommandError, type CommandResult} from './command.js';
import {parse} from './args.js';
import {printTable, qualifiedKind} from './printer.js';
import {describeObject} from './describe.js';

const outputs = ['wide', 'name', 'json', 'yaml'];

/** `pods`, `deploy,rs`, `pod/web-1`: the kinds asked for, and names when given as type/name. */
function targets(positionals: string[]): Array<{type: ResourceType; names: string[]}> {
	const [first, ...names] = positionals;
	if (!first) throw new CommandError('error: you must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.');
	const resolve = (name: string) => {
		const type = lookupResource(name);
		if (!type) throw new CommandError(`error: the server doesn't have a resource type "${name}"`);
		return type;
	};
	if (first.includes('/')) {
		// kubectl get pod/a deploy/b: every argument is type/name.
		return [first, ...names].map(arg => {
			const [kind, name] = arg.split('/', 2) as [string, string | undefined];
			if (!name) throw new CommandError(`error: arguments in resource/name form must have a single resource and name`);
			return {type: resolve(kind), names: [name]};
		});
	}
	return first.split(',').filter(Boolean).map(kind => ({type: resolve(kind), names}));
}

export function get(client: ApiClient, args: string[], now: number): CommandResult {
	const {values, positionals} = parse(args, {
		namespace: {type: 'string', short: 'n'}, 'all-namespaces': {type: 'boolean', short: 'A'},
		output: {type: 'string', short: 'o'}, selector: {type: 'string', short: 'l'}, 'no-headers': {type: 'boolean'},
	});
	const output = values.output as string | undefined;
	if (output !== undefined && !outputs.includes(output)) {
		throw new CommandError(`error: unable to match a printer suitable for the output format "${output}", allowed formats are: ${outputs.join(',')}`);
	}
	const all = values['all-namespaces'] === true;
	const namespace = all ? undefined : (values.namespace as string | undefined) ?? 'default';
	const wanted = targets(positionals);
	const lists = wanted.map(({type, names}) => {
		const ns = type.namespaced ? namespace : undefined;
		const items = names.length
			? names.map(name => client.get(type.resource, name, ns))
			: client.list(type.resource, {namespace: ns, labelSelector: values.selector as string | undefined}).items;
		return {type, items};
	});
	const objects = lists.flatMap(l => l.items);
	if (output === 'json' || output === 'yaml') {
		const single = objects.length === 1 && wanted.every(w => w.names.length > 0);
		const doc = single ? objects[0] : {apiVersion: 'v1', kind: 'List', metadata: {resourceVersion: ''}, items: objects};
		return {message: output === 'json' ? JSON.stringify(doc, null, 4) : stringify(doc, {aliasDuplicateObjects: false}).trimEnd()};
	}
	if (output === 'name') return {message: lists.flatMap(({type, items}) => items.map(o => `${qualifiedKind(type)}/${o.metadata?.name}`)).join('\n')};
	const nonEmpty = lists.filter(l => l.items.length > 0);
	if (nonEmpty.length === 0) {
		const cluster = wanted.every(w => !w.type.namespaced);
		return {message: all || cluster ? 'No resources found' : `No resources found in ${namespace} namespace.`};
	}
	const withKind = wanted.length > 1;
	const message = nonEmpty
		.map(({type, items}) => printTable(type, items, {now, wide: output === 'wide', allNamespaces: all, withKind, noHeaders: values['no-headers'] === true}))
		.join('\n\n');
	return {message};
}

export function describe(client: ApiClient, args: string[], now: number): CommandResult {
	const {values, positionals} = parse(args, {namespace: {type: 'string', short: 'n'}});
	const wanted = targets(positionals);
	const namespace = (values.namespace as string | undefined) ?? 'default';
	const pages: string[] = [];
	for (const {type, names} of wanted) {
		const ns = type.namespaced ? namespace : undefined;
		const objects = names.length ? names.map(name => client.get(type.resource, name, ns)) : client.list(type.resource, {namespace: ns}).items;
		for (const obj of objects) pages.push(describeObject(type, obj, eventsOf(client, obj), {now, list: (resource, options) => client.list(resource, options).items}));
	}
	if (pages.length === 0) return {message: `No resources found in ${namespace} namespace.`};
	return {message: pages.join('\n\n\n')};
}

function eventsOf(client: ApiClient, obj: KubeObject): Event[] {
	const meta = obj.metadata ?? {};
	try {
		// Events about a cluster-scoped object live in the default namespace, as the recorder writes them.
		return client.list<Event>('events', {namespace: meta.namespace || 'default', fieldSelector: `involvedObject.name=${meta.name}`}).items;
	} catch (error) {
		if (isStatusError(error)) return [];
		throw error;
	}
}
