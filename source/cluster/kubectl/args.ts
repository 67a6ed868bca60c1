// Argument parsing shared by the kubectl-style commands: flags, namespaces, `type/name` targets.
import {parseArgs} from 'node:util';
import {lookupResource, type ResourceType} from '../api/index.js';
import {CommandError} from './command.js';

export type Options = NonNullable<NonNullable<Parameters<typeof parseArgs>[0]>['options']>;

export function parse(args: string[], options: Options): {values: Record<string, string | boolean | string[] | undefined>; positionals: string[]} {
	try {
		const {values, positionals} = parseArgs({args, options, allowPositionals: true, strict: true});
		return {values: values as Record<string, string | boolean | string[] | undefined>, positionals};
	} catch (error) {
		throw new CommandError(`error: ${(error as Error).message}`);
	}
}

export function namespaceOf(values: Record<string, unknown>): string {
	return (values.namespace as string | undefined) ?? 'default';
}

/** `deployment/web` or `deployment web`. */
export function target(positionals: string[], verb: string): {type: ResourceType; name: string} {
	let [resource, name] = positionals;
	if (resource?.includes('/')) [resource, name] = resource.split('/', 2) as [string, string];
	if (!resource) throw new CommandError(`error: you must specify the type of resource to ${verb}`);
	const type = lookupResource(resource);
	if (!type) throw new CommandError(`error: the server doesn't have a resource type "${resource}"`);
	if (!name) throw new CommandError(`error: resource(s) were provided, but no name was specified`);
	return {type, name};
}
