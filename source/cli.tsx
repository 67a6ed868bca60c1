#!/usr/bin/env node
// kubetui's command line: builds a cluster from fixtures, then starts the dashboard or a headless run.
import {parseArgs} from 'node:util';
import {realpathSync} from 'node:fs';
import {basename, dirname, extname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {createCluster, readManifests, type Cluster} from './cluster/index.js';
import {formatCluster, parseAt, runHeadless} from './headless/run.js';

const usage = `kubetui: a Kubernetes cluster simulated in one process, with a k9s-style dashboard

usage:
  kubetui [--cluster FILE] [-f FILE]... [--seed N] [--tick-seconds S] [--event-ttl D] [--history-window D] [--readonly]
  kubetui --headless --ticks N [--cluster FILE] [-f FILE]... [--at "TICK:COMMAND"]... [-o table|json|yaml]

options:
  --cluster FILE      nodes and starting objects (default: fixtures/default.yaml)
  -f, --filename FILE more Kubernetes YAML applied on top (repeatable)
  --seed N            seed of the random generator (default 1)
  --tick-seconds S    simulated seconds per tick (default 1)
  --event-ttl D       events expire this long after their last update, as kube-apiserver's flag (default 1h)
  --history-window D  store history kept behind now when it compacts every 5m (default 10m); D like 90s, 10m, 1h30m
  --headless          no dashboard: run --ticks N ticks and print the cluster
  --ticks N           ticks to run headless
  --at "TICK:COMMAND" run a kubectl-style command after tick TICK (0: before the first), e.g.
                      --at "3:scale deployment/web --replicas=5" (also: get KIND [-o wide|yaml], describe KIND/NAME,
                      delete KIND/NAME, cordon NODE, uncordon NODE, apply -f FILE, request service/NAME,
                      add node --type T --zone Z, terminate NODE, fail zone Z, restore zone Z)
  -o, --output FMT    headless output: table (default), json or yaml (a Kubernetes List)
  --readonly          dashboard without any key or command that changes the cluster (the clock still runs)
  -h, --help          this text`;

export const defaultFixture = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'default.yaml');

class UsageError extends Error {}

function number(value: string | undefined, flag: string, fallback: number, check: (n: number) => boolean, expect: string): number {
	if (value === undefined) return fallback;
	const n = Number(value);
	if (value.trim() === '' || !Number.isFinite(n) || !check(n)) throw new UsageError(`invalid ${flag} "${value}": expected ${expect}`);
	return n;
}

/** A Go-style duration (`90s`, `10m`, `1h30m`) or plain seconds, in seconds. */
export function duration(value: string | undefined, flag: string, fallback: number): number {
	if (value === undefined) return fallback;
	const units: Record<string, number> = {h: 3600, m: 60, s: 1};
	let seconds = 0;
	const text = value.trim();
	if (/^\d+(\.\d+)?$/.test(text)) seconds = Number(text);
	else if (/^(\d+(\.\d+)?[hms])+$/.test(text)) for (const [, n, unit] of text.matchAll(/(\d+(?:\.\d+)?)([hms])/g)) seconds += Number(n) * units[unit!]!;
	else throw new UsageError(`invalid ${flag} "${value}": expected a duration like 90s, 10m or 1h30m`);
	if (!(seconds > 0) || seconds > 366 * 86400) throw new UsageError(`invalid ${flag} "${value}": expected more than 0 and at most a year`);
	return seconds;
}

export async function main(argv: string[]): Promise<number> {
	let args;
	try {
		args = parseArgs({
			args: argv, allowPositionals: false, strict: true,
			options: {
				cluster: {type: 'string'}, filename: {type: 'string', short: 'f', multiple: true}, seed: {type: 'string'},
				'tick-seconds': {type: 'string'}, 'event-ttl': {type: 'string'}, 'history-window': {type: 'string'}, headless: {type: 'boolean'}, ticks: {type: 'string'},
				at: {type: 'string', multiple: true}, output: {type: 'string', short: 'o'}, help: {type: 'boolean', short: 'h'},
				readonly: {type: 'boolean'},
			},
		}).values;
	} catch (error) {
		process.stderr.write(`kubetui: ${(error as Error).message}\n\n${usage}\n`);
		return 2;
	}
	if (args.help) {
		process.stdout.write(`${usage}\n`);
		return 0;
	}
	try {
		const seed = number(args.seed, '--seed', 1, n => Number.isInteger(n) && n >= 0 && n <= 2 ** 32 - 1, 'an integer from 0 to 4294967295');
		const eventTTLSeconds = duration(args['event-ttl'], '--event-ttl', 3600);
		const historyWindowSeconds = duration(args['history-window'], '--history-window', 600);
		const tickSeconds = number(args['tick-seconds'], '--tick-seconds', 1, n => n > 0 && n <= 3600, 'seconds, more than 0 and at most 3600');
		const clusterFile = args.cluster ?? defaultFixture;
		const output = args.output ?? 'table';
		if (!['table', 'json', 'yaml'].includes(output)) throw new UsageError(`invalid --output "${output}": expected table, json or yaml`);
		if (!args.headless && (args.ticks !== undefined || args.at !== undefined || args.output !== undefined)) {
			throw new UsageError('--ticks, --at and --output need --headless');
		}
		const commands = (args.at ?? []).map(parseAt);
		const ticks = args.headless ? number(args.ticks, '--ticks', NaN, n => Number.isInteger(n) && n >= 0, 'a whole number of ticks') : 0;
		if (args.headless && args.ticks === undefined) throw new UsageError('--headless needs --ticks N');
		if (!args.headless && (!process.stdout.isTTY || !process.stdin.isTTY)) {
			const which = !process.stdout.isTTY ? 'stdout' : 'stdin';
			process.stderr.write(`kubetui: the dashboard needs a terminal, and ${which} is not one. For scripts use --headless, e.g.\n  kubetui --headless --ticks 10 -o table\n`);
			return 2;
		}

		const cluster = createCluster({seed, tickSeconds, eventTTLSeconds, historyWindowSeconds, name: basename(clusterFile, extname(clusterFile))});
		load(cluster, [clusterFile, ...(args.filename ?? [])]);

		if (args.headless) {
			// What each --at command prints (kubectl's output) comes first, in order; with -o json/yaml it goes to
			// stderr so stdout stays one document.
			const out = output === 'table' ? process.stdout : process.stderr;
			runHeadless(cluster, ticks, commands, line => {
				if (line) out.write(`${line}\n\n`);
			});
			process.stdout.write(`${formatCluster(cluster, output as 'table' | 'json' | 'yaml')}\n`);
			return 0;
		}
		// React's production build: set before anything loads React (the development build is ~2.5x slower).
		process.env.NODE_ENV ??= 'production';
		const {runDashboard} = await import('./ui/index.js');
		await runDashboard(cluster, {readonly: args.readonly ?? false});
		return 0;
	} catch (error) {
		if (error instanceof UsageError) {
			process.stderr.write(`kubetui: ${error.message}\n`);
			return 2;
		}
		// Bad input (YAML, invalid objects, failed commands): the message says what and where; no stack trace.
		process.stderr.write(`kubetui: ${(error as Error).message}\n`);
		return 1;
	}
}

/** Every document of every file is parsed and validated before the first write. */
function load(cluster: Cluster, files: string[]): void {
	const manifests = files.flatMap(file => readManifests(file));
	cluster.kubectl.apply(manifests);
}

// Run when started as a program (also through npm's bin symlink, and as dist/kubetui.cjs run by dist/kubetui.js), not
// when imported by tests.
const stem = (path: string) => path.replace(/\.(tsx?|c?js)$/, '');
const invoked = process.argv[1] !== undefined && stem(realpathSync(process.argv[1])) === stem(fileURLToPath(import.meta.url));
if (invoked) main(process.argv.slice(2)).then(code => {
	process.exitCode = code;
});
