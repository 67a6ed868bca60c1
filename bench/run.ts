// `npm run bench`: runs each scenario headless from nothing to every pod Running and writes
// bench/results.json: ticks to converge, wall seconds, pods scheduled per wall second, median and max
// wall ms per tick, peak RSS; then the long run's memory over 50,000 ticks (bench/long-run.ts).
// Wall-clock time is measured here, never inside the cluster.
import {writeFileSync} from 'node:fs';
import {execFileSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';
import {createCluster, type Deployment} from '../source/cluster/index.js';
import {scenarios, populate, type Scenario} from './scenarios.js';
import {longRun, type LongRunResult} from './long-run.js';

interface Result {
	scenario: string;
	description: string;
	nodes: number;
	pods: number;
	converged: boolean;
	ticksToConverge: number;
	/** Tick by which every pod was bound to a node. */
	ticksToSchedule: number;
	wallSeconds: number;
	setupSeconds: number;
	podsScheduledPerWallSecond: number;
	medianTickMs: number;
	maxTickMs: number;
	peakRssMB: number;
	storeRevision: number;
	events: number;
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

function run(s: Scenario): Result {
	const setupStart = performance.now();
	const cluster = createCluster({seed: 1});
	populate(cluster, s);
	const setupSeconds = (performance.now() - setupStart) / 1000;
	const pods = s.deployments * s.replicas;
	const tickMs: number[] = [];
	let peakRss = process.memoryUsage().rss;
	let ticksToSchedule = 0;
	let converged = false;
	let scheduleWall = 0;
	const start = performance.now();
	for (let tick = 1; tick <= s.maxTicks; tick++) {
		const t0 = performance.now();
		cluster.step();
		tickMs.push(performance.now() - t0);
		peakRss = Math.max(peakRss, process.memoryUsage().rss);
		if (!ticksToSchedule && countBound(cluster) === pods) {
			ticksToSchedule = tick;
			scheduleWall = (performance.now() - start) / 1000;
		}
		const deployments = cluster.client.list<Deployment>('deployments').items;
		if (deployments.every(d => (d.status?.availableReplicas ?? 0) === s.replicas)) {
			converged = true;
			break;
		}
		process.stderr.write(`\r${s.name}: tick ${tick}, ${round(tickMs.at(-1)!, 0)} ms     `);
	}
	const wallSeconds = (performance.now() - start) / 1000;
	process.stderr.write('\n');
	return {
		scenario: s.name, description: s.description, nodes: s.nodes, pods, converged,
		ticksToConverge: tickMs.length, ticksToSchedule, wallSeconds: round(wallSeconds, 2), setupSeconds: round(setupSeconds, 2),
		podsScheduledPerWallSecond: round(pods / (scheduleWall || wallSeconds), 0),
		medianTickMs: round(median(tickMs)), maxTickMs: round(Math.max(...tickMs)),
		peakRssMB: round(peakRss / 1024 / 1024, 0), storeRevision: cluster.api.revision, events: cluster.api.count('events'),
	};
}

function countBound(cluster: ReturnType<typeof createCluster>): number {
	let n = 0;
	for (const pod of cluster.client.list<{spec?: {nodeName?: string}}>('pods').items) if (pod.spec?.nodeName) n++;
	return n;
}

// Each scenario runs in a process of its own, so peak RSS is that scenario's alone. `npm run bench NAME` runs one;
// the long run (BENCH_LONG_TICKS ticks, default 50,000) is `long-run`; the dashboard's (keypress to frame, bytes per
// frame, first frame: bench/ui.ts, results in bench/ui-results.json) is `ui`.
const only = process.argv[2];
const child = (name: string) => JSON.parse(execFileSync(
	process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), name, '--child'],
	{encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1 << 24},
));
if (process.argv[3] === '--child') {
	const result = only === 'long-run' ? longRun(Number(process.env['BENCH_LONG_TICKS'] ?? 50_000)) : run(scenarios.find(s => s.name === only)!);
	process.stdout.write(JSON.stringify(result));
} else if (only === 'ui') {
	ui();
} else {
	const results: Result[] = scenarios.filter(s => !only || s.name === only).map(s => child(s.name) as Result);
	const long = !only || only === 'long-run' ? child('long-run') as LongRunResult : undefined;
	const out = {date: new Date().toISOString(), node: process.version, results, ...(long ? {longRun: long} : {})};
	writeFileSync(new URL('./results.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
	if (results.length) console.table(results.map(({description: _, ...r}) => r));
	if (long) {
		console.table(long.samples);
		console.log(`long-run: heap growth after the first simulated hour ${long.heapGrowthMB} MB (${long.heapGrowthPercent}%), ${long.wallSeconds} s`);
	}
	if (!only) ui();
}

function ui(): void {
	execFileSync(process.execPath, ['--import=tsx', fileURLToPath(new URL('./ui.ts', import.meta.url))], {stdio: 'inherit'});
}
