// A headless run: N ticks, kubectl-style commands at given ticks, then the cluster printed as tables,
// or as a Kubernetes List in JSON or YAML. Same inputs, same output, byte for byte.
import {stringify} from 'yaml';
import type {Cluster, KubeObject} from '../cluster/index.js';
import {clusterTables} from './tables.js';

export interface ScheduledCommand {
	tick: number;
	command: string;
}

export class HeadlessError extends Error {}

/** `--at "TICK:COMMAND"`: run COMMAND once TICK ticks have completed (0: before the first tick). */
export function parseAt(text: string): ScheduledCommand {
	const match = /^\s*(\d+)\s*:(.*)$/.exec(text);
	if (!match || !match[2]!.trim()) throw new HeadlessError(`--at "${text}": expected "TICK:COMMAND", e.g. --at "3:scale deployment/web --replicas=5"`);
	return {tick: Number(match[1]), command: match[2]!.trim()};
}

export function runHeadless(cluster: Cluster, ticks: number, commands: readonly ScheduledCommand[], log: (line: string) => void = () => {}): void {
	const pending = [...commands].sort((a, b) => a.tick - b.tick);
	// Long-running commands (drain) print their lines as they happen, after the tick that made them.
	const printed = new Map<number, number>();
	const follow = () => {
		for (const op of cluster.operations()) {
			const from = printed.get(op.id);
			if (from === undefined || from >= op.lines.length) continue;
			log(op.lines.slice(from).join('\n'));
			printed.set(op.id, op.lines.length);
		}
	};
	const due = (tick: number) => {
		while (pending.length && pending[0]!.tick === tick) {
			const {command} = pending.shift()!;
			try {
				const result = cluster.run(command);
				log(result.message);
				if (result.operation !== undefined) printed.set(result.operation, cluster.operations().find(op => op.id === result.operation)?.lines.length ?? 0);
			} catch (error) {
				throw new HeadlessError(`--at "${tick}:${command}" failed at tick ${tick}: ${(error as Error).message}`);
			}
		}
	};
	const late = pending.find(c => c.tick > ticks);
	if (late) throw new HeadlessError(`--at "${late.tick}:${late.command}": tick ${late.tick} is after the last tick (${ticks})`);
	due(0);
	for (let tick = 1; tick <= ticks; tick++) {
		cluster.step();
		follow();
		due(tick);
	}
}

const listOrder = ['nodes', 'namespaces', 'deployments', 'replicasets', 'pods', 'events'];

export function clusterList(cluster: Cluster): {apiVersion: 'v1'; kind: 'List'; metadata: {resourceVersion: string}; items: KubeObject[]} {
	const items = listOrder.flatMap(resource => cluster.client.list(resource).items);
	return {apiVersion: 'v1', kind: 'List', metadata: {resourceVersion: ''}, items};
}

export function formatCluster(cluster: Cluster, output: 'table' | 'json' | 'yaml'): string {
	if (output === 'json') return JSON.stringify(clusterList(cluster), null, 4);
	if (output === 'yaml') return stringify(clusterList(cluster), {aliasDuplicateObjects: false});
	return clusterTables(cluster);
}
