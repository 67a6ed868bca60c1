// The control-plane view's rows: kube-apiserver, etcd, kube-scheduler, kube-controller-manager and its controllers,
// then every node's kubelet; each with its loop state, its queue and what it did in the last tick.
import type {ControlPlaneState, LoopState} from '../../../cluster/index.js';
import type {ColumnHeader, TableData} from '../../snapshot/table-data.js';
import type {Tone} from '../../render/types.js';
import {thousands} from '../../text.js';
import {viewTable, type ViewRow} from '../table.js';

export const controlPlaneColumns: readonly ColumnHeader[] = [
	{title: 'COMPONENT', min: 8},
	{title: 'STATE', min: 4, drop: 2},
	{title: 'QUEUE', min: 5, cut: true, drop: 3},
	{title: 'LAST TICK', min: 5, cut: true},
	{title: 'DETAILS', min: 4, cut: true, drop: 1},
];

function stateTone(state: string): Tone {
	if (state === 'backoff' || state === 'failed' || state === 'partitioned') return 'error';
	if (state === 'paused' || state === 'stopped') return 'pending';
	return 'normal';
}

const writes = (n: number) => `${thousands(n)} write${n === 1 ? '' : 's'}`;

function loopRow(loop: LoopState, label: string, details = ''): ViewRow {
	const failure = loop.lastError ? `last error: ${loop.lastError}` : '';
	return {
		key: loop.name,
		cells: [label, loop.state, thousands(loop.queue), writes(loop.writes), [details, loop.failures ? `${loop.failures} failures` : '', failure].filter(Boolean).join('; ')],
		tone: stateTone(loop.state),
	};
}

export function controlPlaneRows(cp: ControlPlaneState): ViewRow[] {
	const rows: ViewRow[] = [];
	const {apiserver, etcd, scheduler} = cp;
	const watches = apiserver.watchersByResource.map(w => `${w.resource} ${w.watchers}`).join(', ');
	rows.push({key: 'kube-apiserver', cells: ['kube-apiserver', 'serving', '', writes(apiserver.writes), `${thousands(apiserver.watchers)} watches: ${watches}`]});
	const keys = etcd.keys.map(k => `${k.resource} ${thousands(k.count)}`).join(', ');
	rows.push({key: 'etcd', cells: ['etcd', 'serving', '', `revision ${thousands(etcd.revision)}`, `${thousands(etcd.objects)} keys, compacted at ${thousands(etcd.compactRevision)}: ${keys}`]});
	if (scheduler) {
		const row = loopRow(scheduler, 'kube-scheduler');
		row.cells[2] = `${thousands(scheduler.active)} active, ${thousands(scheduler.backoff)} backoff, ${thousands(scheduler.unschedulable)} unschedulable`;
		row.cells[3] = `bound ${thousands(scheduler.bound)}, ${writes(scheduler.writes)}`;
		rows.push(row);
	}
	// Controllers by the process they run in (kube-controller-manager, cloud-controller-manager), each under a row of
	// its own whose state is stopped when every controller of it is.
	const processes = new Map<string, LoopState[]>();
	for (const c of cp.controllers) processes.set(c.process, [...(processes.get(c.process) ?? []), c]);
	for (const [process, controllers] of processes) {
		const name = process === 'controller-manager' ? 'kube-controller-manager' : process;
		const queued = controllers.reduce((sum, c) => sum + c.queue, 0);
		// Controllers that share an identity (node-lifecycle and node-ipam) share one count of writes: count it once.
		const written = [...new Map(controllers.map(c => [c.identity, c.writes])).values()].reduce((sum, n) => sum + n, 0);
		const state = controllers.every(c => c.state === 'stopped') ? 'stopped' : 'running';
		rows.push({key: name, cells: [name, state, thousands(queued), writes(written), `${controllers.length} controllers`], tone: stateTone(state)});
		for (const c of controllers) rows.push(loopRow(c, `  ${c.name}`));
	}
	for (const k of cp.kubelets) rows.push({...loopRow(k, k.name, `${thousands(k.pods)} pods`), key: k.name});
	return rows;
}

export function controlPlaneTable(cp: ControlPlaneState): TableData {
	return viewTable('control-plane', controlPlaneColumns, controlPlaneRows(cp));
}
