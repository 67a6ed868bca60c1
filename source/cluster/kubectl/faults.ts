// Fault injection commands (kubetui's own, not kubectl's): `stop kubelet/NODE`, `start kubelet/NODE`,
// `partition NODE`, `heal NODE`, `stop scheduler`, `start controller-manager`, `stop cloud-controller-manager` ...
import type {ApiClient} from '../api/index.js';
import type {Node} from '../objects/types.js';
import {CommandError, type CommandResult} from './command.js';
import {parse} from './args.js';

/** What the cluster lets these commands do to its machines and processes (the facade implements it). */
export interface FaultControl {
	stopKubelet(node: string): boolean;
	startKubelet(node: string): boolean;
	partition(node: string): boolean;
	heal(node: string): boolean;
	stopProcess(process: string): boolean;
	startProcess(process: string): boolean;
}

const nodeName = (text: string | undefined) => text?.replace(/^(nodes?|no)\//, '');

/** The node must exist (the API server's NotFound otherwise); its kubelet starts at the next tick. */
function requireNode(client: ApiClient, name: string): void {
	client.get<Node>('nodes', name);
}

const run = (action: () => boolean, done: string, already: string): CommandResult => {
	try {
		return {message: action() ? done : already};
	} catch (error) {
		if (error instanceof CommandError) throw error;
		throw new CommandError(`error: ${(error as Error).message}`);
	}
};

export function stopOrStart(client: ApiClient, faults: FaultControl | undefined, verb: 'stop' | 'start', args: string[]): CommandResult {
	const {positionals} = parse(args, {});
	const [target, extra] = positionals;
	if (!target || extra) throw new CommandError(`error: USAGE: ${verb} kubelet/NODE | scheduler | controller-manager | cloud-controller-manager`);
	if (!faults) throw new CommandError(`error: ${verb}: this cluster has no processes to ${verb}`);
	const stop = verb === 'stop';
	if (target.startsWith('kubelet/')) {
		const node = target.slice('kubelet/'.length);
		if (!node) throw new CommandError(`error: ${verb} kubelet/NODE: no node name given`);
		requireNode(client, node);
		return run(() => (stop ? faults.stopKubelet(node) : faults.startKubelet(node)), `kubelet/${node} ${stop ? 'stopped' : 'started'}`, `kubelet/${node} already ${stop ? 'stopped' : 'running'}`);
	}
	if (target === 'kubelet') throw new CommandError(`error: ${verb} kubelet/NODE: name the node, e.g. ${verb} kubelet/worker-1`);
	return run(() => (stop ? faults.stopProcess(target) : faults.startProcess(target)), `${target} ${stop ? 'stopped' : 'started'}`, `${target} already ${stop ? 'stopped' : 'running'}`);
}

export function partitionOrHeal(client: ApiClient, faults: FaultControl | undefined, verb: 'partition' | 'heal', args: string[]): CommandResult {
	const {positionals} = parse(args, {});
	const node = nodeName(positionals[0]);
	if (!node || positionals.length > 1) throw new CommandError(`error: USAGE: ${verb} NODE`);
	if (!faults) throw new CommandError(`error: ${verb}: this cluster has no nodes to ${verb}`);
	requireNode(client, node);
	const cut = verb === 'partition';
	return run(() => (cut ? faults.partition(node) : faults.heal(node)), `node/${node} ${cut ? 'partitioned from the API server' : 'healed: it reaches the API server again'}`, `node/${node} ${cut ? 'already partitioned' : 'is not partitioned'}`);
}
