// The why view's grid: nodes as rows, the scheduler's plugins as columns. Filter columns show ✓, - (not run: the
// framework stops at a node's first failing filter) or the short reason; score columns the weighted score; the
// chosen node is marked `*` and comes first. The cursor row's raw and normalized scores show under the grid.
import type {FilterVerdict, WhyReport, WhyRow} from '../../../cluster/index.js';
import type {ColumnHeader, TableData} from '../../snapshot/table-data.js';
import {viewTable, type ViewRow} from '../table.js';

const shortNames: Readonly<Record<string, string>> = {
	NodeUnschedulable: 'UNSCHED',
	TaintToleration: 'TAINT',
	NodeAffinity: 'AFFINITY',
	NodeResourcesFit: 'FIT',
	PodTopologySpread: 'SPREAD',
	NodeResourcesBalancedAllocation: 'BALANCED',
};

export function shortName(plugin: string): string {
	return shortNames[plugin] ?? plugin.toUpperCase();
}

/** `node(s) had untolerated taint(s)` -> `had untolerated taint(s)`: the column already says it is about the node. */
export function shortReason(reason: string): string {
	return reason.replace(/^node\(s\) /, '');
}

function verdictCell(v: FilterVerdict): string {
	if (v.result === 'passed') return '✓';
	if (v.result === 'skipped') return '-';
	return v.reasons.map(shortReason).join(', ');
}

/** Score columns only when something was scored. */
function scored(report: WhyReport): boolean {
	return report.rows.some(r => r.scores);
}

export function whyColumns(report: WhyReport): ColumnHeader[] {
	const columns: ColumnHeader[] = [{title: 'NODE', min: 6}];
	for (const plugin of report.filterPlugins) columns.push({title: shortName(plugin), min: 3, cut: true});
	if (scored(report)) {
		report.scorePlugins.forEach(({plugin, weight}, i) => columns.push({title: `${shortName(plugin)}×${weight}`, align: 'right', drop: 10 - i}));
		columns.push({title: 'TOTAL', align: 'right'});
	}
	return columns;
}

function rowCells(report: WhyReport, row: WhyRow): string[] {
	const cells = [`${row.chosen ? '*' : ' '}${row.node}`, ...row.filters.map(verdictCell)];
	if (scored(report)) {
		cells.push(...report.scorePlugins.map((_, i) => (row.scores ? String(row.scores[i]!.weighted) : '')));
		cells.push(row.total === undefined ? '' : String(row.total));
	}
	return cells;
}

export function whyRows(report: WhyReport): ViewRow[] {
	return report.rows.map(row => ({
		key: row.node,
		cells: rowCells(report, row),
		tone: row.chosen ? 'normal' : row.feasible ? 'completed' : 'error',
		ref: {resource: 'nodes', name: row.node},
	}));
}

export function whyTable(report: WhyReport): TableData {
	return viewTable('why', whyColumns(report), whyRows(report));
}

/** The cursor's node in full: the failing filter and its reasons, or each score as raw -> normalized x weight. */
export function whyDetail(report: WhyReport, node: string | undefined): string {
	const row = report.rows.find(r => r.node === node);
	if (!row) return report.rows.length ? 'no node matches the filter' : report.note ?? '';
	if (!row.feasible) {
		const failed = row.filters.find(f => f.result === 'failed');
		const skipped = row.filters.filter(f => f.result === 'skipped').map(f => f.plugin);
		return `${row.node}: ${failed?.plugin ?? 'a filter'} ruled it out: ${failed?.result === 'failed' ? failed.reasons.join(', ') : ''}${skipped.length ? ` (not run: ${skipped.join(', ')})` : ''}`;
	}
	if (!row.scores) return `${row.node}: passed every filter; the only feasible node, taken without scoring`;
	const scores = row.scores.map(s => `${s.plugin} ${s.raw}→${s.normalized}×${s.weight}=${s.weighted}`).join(', ');
	return `${row.node}${row.chosen ? ' (chosen)' : ''}: ${scores}; total ${row.total}`;
}

/** What the cycle was: when, how many nodes it checked, how many fit, and where the pod went. */
export function whySummary(report: WhyReport): string {
	if (report.tick === undefined) return report.note ?? '';
	const outcome = report.chosen ? `bound to ${report.chosen}` : 'no node fits';
	const note = report.note ? ` · ${report.note}` : '';
	return `tick ${report.tick}: ${report.evaluated} of ${report.nodes} nodes checked, ${report.feasible} feasible, ${outcome} · ✓ passed, - not run, * chosen${note}`;
}
