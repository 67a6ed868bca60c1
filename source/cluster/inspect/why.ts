// Why a pod is where it is, or why it waits: the scheduler's last cycle for it as a node x plugin grid, read from
// the record the scheduler kept while it decided (kube-scheduler-simulator's view). A waiting pod's FailedScheduling
// message is the one the scheduler built from the same record, so the grid and the message always agree.
import type {Pod} from '../objects/types.js';
import {filterPlugins, scorePlugins} from '../control-plane/scheduler/plugins/index.js';
import type {SchedulingAttempt} from '../control-plane/scheduler/attempt.js';
import type {Placement} from '../control-plane/scheduler/scheduler.js';

export type FilterVerdict =
	| {plugin: string; result: 'passed'}
	| {plugin: string; result: 'failed'; reasons: readonly string[]}
	/** The framework stops at a node's first failing filter: the ones after it never ran. */
	| {plugin: string; result: 'skipped'};

export interface ScoreCell {
	plugin: string;
	raw: number;
	normalized: number;
	weight: number;
	weighted: number;
}

export interface WhyRow {
	node: string;
	filters: FilterVerdict[];
	feasible: boolean;
	/** Absent for nodes a filter ruled out, and when scoring was skipped. */
	scores?: ScoreCell[];
	total?: number;
	chosen: boolean;
}

export interface WhyReport {
	namespace: string;
	name: string;
	/** spec.nodeName, when bound. */
	node?: string;
	/** The tick of the cycle shown; absent when no record is kept. */
	tick?: number;
	nodes: number;
	evaluated: number;
	feasible: number;
	filterPlugins: string[];
	scorePlugins: Array<{plugin: string; weight: number}>;
	/** Feasible nodes by total (the chosen first), then the nodes filtered out by name. */
	rows: WhyRow[];
	chosen?: string;
	/** Scoring did not run: one feasible node is taken as it is, as upstream does. */
	scoringSkipped: boolean;
	/** The FailedScheduling message of a waiting pod. */
	message?: string;
	/** What the record cannot show, in words (no cycle yet, or an old binding whose grid is no longer kept). */
	note?: string;
}

const filterNames = filterPlugins.map(p => p.name);
const scoreNames = scorePlugins.map(p => ({plugin: p.name, weight: p.weight}));

function rowsOf(attempt: SchedulingAttempt): WhyRow[] {
	const rows: WhyRow[] = [];
	let i = 0;
	for (const [node, reasons] of attempt.reasons) {
		const failedBy = attempt.filters[attempt.rejectedBy[i++]!];
		const at = filterNames.indexOf(failedBy ?? '');
		const filters: FilterVerdict[] = filterNames.map((plugin, p) =>
			p < at ? {plugin, result: 'passed'} : p === at ? {plugin, result: 'failed', reasons} : {plugin, result: 'skipped'});
		rows.push({node, filters, feasible: false, chosen: false});
	}
	attempt.feasible.forEach(({name: node}, f) => {
		const scores = attempt.scores?.map(s => ({plugin: s.plugin, raw: s.raw[f]!, normalized: s.normalized[f]!, weight: s.weight, weighted: s.normalized[f]! * s.weight}));
		rows.push({
			node, filters: filterNames.map(plugin => ({plugin, result: 'passed'})), feasible: true,
			...(scores ? {scores, total: attempt.totals![f]!} : {}), chosen: node === attempt.chosen,
		});
	});
	const byName = (a: WhyRow, b: WhyRow) => (a.node < b.node ? -1 : a.node > b.node ? 1 : 0);
	return rows.sort((a, b) => Number(b.chosen) - Number(a.chosen) || Number(b.feasible) - Number(a.feasible) || (b.total ?? 0) - (a.total ?? 0) || byName(a, b));
}

/** The report for a pod from its last recorded cycle, or, without one, what is known and why the grid is missing. */
export function whyReport(pod: Pod, attempt: SchedulingAttempt | undefined, placement: Placement | undefined, keptBindings: number): WhyReport {
	const namespace = pod.metadata?.namespace ?? 'default';
	const name = pod.metadata?.name ?? '';
	const node = pod.spec?.nodeName || undefined;
	const base = {namespace, name, ...(node ? {node} : {}), filterPlugins: filterNames, scorePlugins: scoreNames};
	if (!attempt) {
		const note = node
			? placement
				? `bound to ${node} at tick ${placement.tick} (best of ${placement.feasible} feasible of ${placement.evaluated} checked, score ${placement.score}); the grid is kept for the newest bindings only (${keptBindings} now)`
				: `on ${node} without a scheduling cycle kept (spec.nodeName was set at creation, or it was bound long ago)`
			: (pod.spec?.schedulerName ?? 'default-scheduler') !== 'default-scheduler'
				? `left to scheduler "${pod.spec!.schedulerName}", not default-scheduler`
				: 'not tried yet: the scheduler takes it at its next pass';
		return {...base, ...(placement ? {tick: placement.tick, chosen: placement.node} : {}), nodes: 0, evaluated: placement?.evaluated ?? 0, feasible: placement?.feasible ?? 0, rows: [], scoringSkipped: false, note};
	}
	return {
		...base,
		tick: attempt.tick,
		nodes: attempt.nodes,
		evaluated: attempt.evaluated,
		feasible: attempt.feasible.length,
		rows: rowsOf(attempt),
		...(attempt.chosen ? {chosen: attempt.chosen} : {}),
		scoringSkipped: attempt.feasible.length === 1,
		...(attempt.message ? {message: attempt.message} : {}),
		...(attempt.evaluated < attempt.nodes ? {note: `${attempt.evaluated} of ${attempt.nodes} nodes checked: the scheduler stops once it has found enough feasible nodes (percentageOfNodesToScore)`} : {}),
	};
}
