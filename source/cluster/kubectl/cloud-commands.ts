// The simulated cloud's commands: `add node --type TYPE --zone ZONE [--count N]`, `terminate NODE`,
// `fail zone ZONE`, `restore zone ZONE`.
import type {ApiClient} from '../api/index.js';
import {CommandError, type CommandResult} from './command.js';
import {parse} from './args.js';
import type {CloudCommands} from './infrastructure.js';

export function addNode(cloud: CloudCommands, args: string[]): CommandResult {
	const {values, positionals} = parse(args, {type: {type: 'string'}, zone: {type: 'string'}, count: {type: 'string'}});
	if (positionals[0] !== 'node' && positionals[0] !== 'nodes' || positionals.length > 1) throw new CommandError('error: USAGE: add node --type TYPE --zone ZONE [--count N]');
	if (!values.type) throw new CommandError('error: required flag(s) "type" not set');
	if (!values.zone) throw new CommandError('error: required flag(s) "zone" not set');
	const count = values.count === undefined ? 1 : Number(values.count);
	if (!/^\d+$/.test(String(values.count ?? '1')) || count < 1 || count > 1000) throw new CommandError(`error: invalid argument "${values.count}" for "--count" flag: expected 1 to 1000`);
	const names = cloud.addNodes(String(values.type), String(values.zone), count);
	return {message: names.map(n => `node/${n} added: ${values.type} instance in ${values.zone}`).join('\n')};
}

export function terminate(client: ApiClient, cloud: CloudCommands, args: string[]): CommandResult {
	const {positionals} = parse(args, {});
	const name = positionals[0]?.replace(/^(nodes?|no)\//, '');
	if (!name || positionals.length > 1) throw new CommandError('error: USAGE: terminate NODE');
	client.get('nodes', name);
	const id = cloud.terminate(name);
	return {message: `instance ${id} (node/${name}) terminated`};
}

export function zone(cloud: CloudCommands, args: string[], fail: boolean): CommandResult {
	const {positionals} = parse(args, {});
	if (positionals[0] !== 'zone' || !positionals[1] || positionals.length > 2) throw new CommandError(`error: USAGE: ${fail ? 'fail' : 'restore'} zone ZONE`);
	const nodes = fail ? cloud.failZone(positionals[1]) : cloud.restoreZone(positionals[1]);
	const list = nodes.length ? nodes.join(', ') : 'no nodes';
	return {message: fail ? `zone ${positionals[1]} failed: ${list} cut off` : `zone ${positionals[1]} restored: ${list} back`};
}
