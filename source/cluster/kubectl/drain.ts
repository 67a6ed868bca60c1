// `drain NODE` as kubectl does it (k8s.io/kubectl/pkg/drain): cordon, pick the pods (drain-filters.ts), evict each
// through pods/eviction, retry a 429 from a disruption budget after 5 s, wait for each evicted pod to be gone, then
// `node/NAME drained`. It spans ticks: a DrainJob is advanced once per tick and collects the lines kubectl prints.
import type {ApiClient} from '../api/index.js';
import {isStatusError} from '../api/index.js';
import type {Node, Pod} from '../objects/types.js';
import {CommandError} from './command.js';
import {parse} from './args.js';
import {podsForDeletion, type DrainFlags} from './drain-filters.js';

/** kubectl drain sleeps this long before retrying an eviction a budget refused. */
const retryMs = 5_000;

/** A long-running command as a UI shows it: its lines so far and whether it is over. */
export interface OperationStatus {
	id: number;
	command: string;
	/** The node drained. */
	node: string;
	phase: 'running' | 'done' | 'failed';
	lines: readonly string[];
	/** Simulated time (epoch ms) it started. */
	startedAt: number;
	/** Pods still to be evicted or waited for. */
	pending: number;
}

interface Target {
	pod: Pod;
	state: 'evict' | 'deleting' | 'done';
	retryAt: number;
}

/** Go's time.ParseDuration for what kubectl users type: 90s, 5m, 1h30m, 0. */
export function parseDuration(text: string): number | undefined {
	if (text === '0') return 0;
	const match = /^((?:\d+(?:\.\d+)?(?:h|m|s|ms))+)$/.exec(text);
	if (!match) return undefined;
	let ms = 0;
	for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)(ms|h|m|s)/g)) ms += Number(n) * {h: 3_600_000, m: 60_000, s: 1000, ms: 1}[unit as 'h' | 'm' | 's' | 'ms'];
	return ms;
}

const goDuration = (ms: number) => {
	const s = ms / 1000;
	const h = Math.floor(s / 3600), m = Math.floor((s % 3600) / 60), rest = s % 60;
	return h ? `${h}h${m}m${rest}s` : m ? `${m}m${rest}s` : `${rest}s`;
};

export class DrainJob {
	readonly lines: string[] = [];
	phase: OperationStatus['phase'] = 'running';
	private targets: Target[] = [];
	private readonly startedAt: number;

	constructor(
		readonly id: number,
		readonly command: string,
		readonly node: string,
		private readonly client: ApiClient,
		private readonly now: () => number,
		private readonly flags: DrainFlags & {gracePeriod?: number; timeoutMs: number},
	) {
		this.startedAt = now();
	}

	/** Cordon and choose the pods, then the first round of evictions; throws with kubectl's text if it cannot drain. */
	start(): void {
		const node = this.client.get<Node>('nodes', this.node);
		if (node.spec?.unschedulable) this.lines.push(`node/${this.node} already cordoned`);
		else {
			this.client.patch('nodes', this.node, {spec: {unschedulable: true}}, {reason: 'kubectl drain: cordon'});
			this.lines.push(`node/${this.node} cordoned`);
		}
		const pods = this.client.list<Pod>('pods', {fieldSelector: `spec.nodeName=${this.node}`}).items;
		const chosen = podsForDeletion(pods, this.flags);
		if (chosen.errors.length) {
			const error = chosen.errors.length === 1 ? chosen.errors[0]! : `[${chosen.errors.join(', ')}]`;
			this.fail(error);
			throw new CommandError(this.lines.join('\n'));
		}
		if (chosen.warnings.length) this.lines.push(`Warning: ${chosen.warnings.join('; ')}`);
		this.targets = chosen.pods.map(pod => ({pod, state: 'evict', retryAt: this.startedAt}));
		this.advance();
	}

	private fail(error: string): void {
		this.lines.push(`error: unable to drain node "${this.node}" due to error: ${error}, continuing command...`, 'There are pending nodes to be drained:', ` ${this.node}`, `error: ${error}`);
		this.phase = 'failed';
	}

	/** One round: evictions due, deletions finished; called at the end of every tick. */
	advance(): void {
		if (this.phase !== 'running') return;
		const now = this.now();
		const timedOut = this.flags.timeoutMs > 0 && now - this.startedAt >= this.flags.timeoutMs;
		for (const target of this.targets) {
			const {pod} = target;
			const name = pod.metadata!.name!, namespace = pod.metadata!.namespace!;
			if (target.state === 'deleting') {
				const current = this.client.find<Pod>('pods', name, namespace);
				if (!current || current.metadata?.uid !== pod.metadata?.uid) {
					target.state = 'done';
					this.lines.push(`pod/${name} evicted`);
				} else if (timedOut) {
					return this.fail(`error when waiting for pod "${name}" in namespace "${namespace}" to terminate: global timeout reached: ${goDuration(this.flags.timeoutMs)}`);
				}
				continue;
			}
			if (target.state !== 'evict') continue;
			if (timedOut) return this.fail(`error when evicting pods/"${name}" -n "${namespace}": global timeout reached: ${goDuration(this.flags.timeoutMs)}`);
			if (now < target.retryAt) continue;
			this.lines.push(`evicting pod ${namespace}/${name}`);
			try {
				this.client.evict(namespace, name, {reason: 'kubectl drain', ...(this.flags.gracePeriod !== undefined ? {gracePeriodSeconds: this.flags.gracePeriod} : {})});
				target.state = 'deleting';
			} catch (error) {
				if (isStatusError(error, 'NotFound')) {
					target.state = 'done';
				} else if (isStatusError(error, 'TooManyRequests')) {
					this.lines.push(`error when evicting pods/"${name}" -n "${namespace}" (will retry after 5s): ${error.message}`);
					target.retryAt = now + retryMs;
				} else {
					return this.fail(`error when evicting pods/"${name}" -n "${namespace}": ${(error as Error).message}`);
				}
			}
		}
		if (this.targets.every(t => t.state === 'done')) {
			this.lines.push(`node/${this.node} drained`);
			this.phase = 'done';
		}
	}

	status(): OperationStatus {
		return {id: this.id, command: this.command, node: this.node, phase: this.phase, lines: this.lines, startedAt: this.startedAt, pending: this.targets.filter(t => t.state !== 'done').length};
	}
}

/** Parse `drain NODE [--ignore-daemonsets] [--delete-emptydir-data] [--force] [--grace-period=N] [--timeout=D]`. */
export function drainOptions(args: string[]): {node: string; flags: DrainFlags & {gracePeriod?: number; timeoutMs: number}} {
	const {values, positionals} = parse(args, {
		'ignore-daemonsets': {type: 'boolean'}, 'delete-emptydir-data': {type: 'boolean'}, force: {type: 'boolean'},
		'grace-period': {type: 'string'}, timeout: {type: 'string'},
	});
	const node = positionals[0]?.replace(/^(nodes?|no)\//, '');
	if (!node || positionals.length > 1) throw new CommandError('error: USAGE: drain NODE [--ignore-daemonsets] [--delete-emptydir-data] [--force] [--grace-period=N] [--timeout=D]');
	let gracePeriod: number | undefined;
	if (values['grace-period'] !== undefined) {
		const text = values['grace-period'] as string;
		gracePeriod = Number(text);
		if (!/^-?\d+$/.test(text)) throw new CommandError(`error: invalid argument "${text}" for "--grace-period" flag: strconv.ParseInt: parsing "${text}": invalid syntax`);
		if (gracePeriod < 0) gracePeriod = undefined; // -1: the pod's own terminationGracePeriodSeconds
	}
	let timeoutMs = 0;
	if (values.timeout !== undefined) {
		const parsed = parseDuration(values.timeout as string);
		if (parsed === undefined) throw new CommandError(`error: invalid argument "${values.timeout}" for "--timeout" flag: time: invalid duration "${values.timeout}"`);
		timeoutMs = parsed;
	}
	return {node, flags: {ignoreDaemonSets: !!values['ignore-daemonsets'], deleteEmptyDirData: !!values['delete-emptydir-data'], force: !!values.force, gracePeriod, timeoutMs}};
}
