// The long run: the default fixture grown to 20 nodes and 600 pods, with web scaled down and up every 200 ticks,
// for 50,000 ticks (about 14 hours of simulated time). Heap and RSS are sampled every 5,000 ticks (after a full GC
// when node runs with --expose-gc): with compaction and event expiry the line must be flat after the first hour.
import {performance} from 'node:perf_hooks';
import {createCluster, type Node} from '../source/cluster/index.js';

export interface LongRunSample {
	tick: number;
	heapMB: number;
	rssMB: number;
	objects: number;
	events: number;
	storeRevision: number;
	compactRevision: number;
	wallSeconds: number;
}

export interface LongRunResult {
	scenario: 'long-run';
	description: string;
	ticks: number;
	samples: LongRunSample[];
	/** Heap growth from the first sample after the first simulated hour to the last, MB and %. */
	heapGrowthMB: number;
	heapGrowthPercent: number;
	wallSeconds: number;
}

const round = (n: number, digits = 1) => Number(n.toFixed(digits));

function bigNode(i: number): Node {
	const name = `worker-${i}`;
	return {
		apiVersion: 'v1', kind: 'Node',
		metadata: {name, labels: {'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': `zone-${i % 3}`}},
		status: {capacity: {cpu: '16', memory: '64Gi', pods: '110'}},
	};
}

export function longRun(ticks = 50_000, every = 5_000, options: {eventTTLSeconds?: number; historyWindowSeconds?: number} = {}): LongRunResult {
	const gc = (globalThis as {gc?: () => void}).gc;
	const cluster = createCluster({seed: 1, ...options});
	cluster.run('apply -f fixtures/default.yaml');
	for (let i = 4; i <= 19; i++) cluster.client.create('nodes', bigNode(i));
	cluster.run('scale deployment/web --replicas=450');
	cluster.run('scale deployment/api --replicas=120');
	cluster.run('scale deployment/batch --replicas=30');
	const samples: LongRunSample[] = [];
	const start = performance.now();
	for (let tick = 1; tick <= ticks; tick++) {
		cluster.step();
		// Churn: web goes to 400 and back every 200 ticks (50 pods deleted and created, with their events).
		if (tick % 200 === 0) cluster.run(`scale deployment/web --replicas=${tick % 400 === 0 ? 450 : 400}`);
		if (tick % every === 0) {
			gc?.();
			const memory = process.memoryUsage();
			const kinds = ['pods', 'replicasets', 'deployments', 'nodes', 'events'];
			samples.push({
				tick, heapMB: round(memory.heapUsed / 2 ** 20), rssMB: round(memory.rss / 2 ** 20),
				objects: kinds.reduce((n, kind) => n + cluster.api.count(kind), 0), events: cluster.api.count('events'),
				storeRevision: cluster.api.revision, compactRevision: cluster.api.maintenance.compactRevision,
				wallSeconds: round((performance.now() - start) / 1000),
			});
			process.stderr.write(`\rlong-run: tick ${tick}, heap ${samples.at(-1)!.heapMB} MB     `);
		}
	}
	process.stderr.write('\n');
	const firstHour = samples.find(s => s.tick * cluster.clock.tickSeconds >= 3600) ?? samples[0]!;
	const last = samples.at(-1)!;
	return {
		scenario: 'long-run',
		description: `default fixture grown to 20 nodes and 600 pods, web scaled 450 <-> 400 every 200 ticks, ${ticks} ticks`,
		ticks, samples,
		heapGrowthMB: round(last.heapMB - firstHour.heapMB),
		heapGrowthPercent: round(((last.heapMB - firstHour.heapMB) / firstHour.heapMB) * 100),
		wallSeconds: round((performance.now() - start) / 1000),
	};
}
