// A pod's containers as a table (Enter on a pod, k9s's container view): init containers and sidecars first, in
// the order the kubelet starts them, then the regular ones.
import type {Container, ContainerStatus, Pod} from '../../cluster/index.js';
import {textWidth} from '../text.js';
import type {ColumnHeader, TableData, TableRow} from './table-data.js';

const columns: ColumnHeader[] = [
	{title: 'NAME'},
	{title: 'TYPE'},
	{title: 'IMAGE', cut: true, min: 8},
	{title: 'READY'},
	{title: 'STATE'},
	{title: 'RESTARTS', align: 'right'},
	{title: 'PROBES', drop: 2},
	{title: 'PORTS', drop: 1},
];

function stateText(status: ContainerStatus | undefined): string {
	const state = status?.state;
	if (state?.running) return 'Running';
	if (state?.terminated) return state.terminated.reason ?? `ExitCode:${state.terminated.exitCode}`;
	if (state?.waiting) return state.waiting.reason ?? 'Waiting';
	return 'Waiting';
}

const probeMarks = (c: Container) =>
	[c.livenessProbe ? 'L' : '', c.readinessProbe ? 'R' : '', c.startupProbe ? 'S' : ''].filter(Boolean).join(':') || 'off';

export function containersTable(pod: Pod): TableData {
	const statuses = new Map<string, ContainerStatus>();
	for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) statuses.set(s.name, s);
	const entries: Array<{c: Container; type: string}> = [
		...(pod.spec?.initContainers ?? []).map(c => ({c, type: c.restartPolicy === 'Always' ? 'sidecar' : 'init'})),
		...(pod.spec?.containers ?? []).map(c => ({c, type: 'container'})),
	];
	const rows: TableRow[] = entries.map(({c, type}) => {
		const status = statuses.get(c.name);
		const cells = [
			c.name, type, c.image ?? '', status?.ready ? 'true' : 'false', stateText(status), String(status?.restartCount ?? 0),
			probeMarks(c), (c.ports ?? []).map(p => `${p.name ? `${p.name}:` : ''}${p.containerPort}/${p.protocol ?? 'TCP'}`).join(',') || '<none>',
		];
		const state = cells[4]!;
		const tone = state === 'Running' ? (status?.ready ? 'normal' : 'pending') : state === 'Completed' ? 'completed' : /Waiting|ContainerCreating|PodInitializing/.test(state) ? 'pending' : 'error';
		return {key: c.name, cells, tone, object: pod};
	});
	const widths = columns.map((col, i) => Math.max(textWidth(col.title), ...rows.map(r => textWidth(r.cells[i]!))));
	return {resource: 'containers', columns, rows, widths, index: new Map(rows.map((r, i) => [r.key, i]))};
}
