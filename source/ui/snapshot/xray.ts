// `x` / `:xray deploy`: the ownership tree Deployment -> ReplicaSet -> Pod -> container, from ownerReferences (as
// the garbage collector sees it), one row per node of the tree.
import type {Deployment, KubeObject, Pod, ReplicaSet} from '../../cluster/index.js';
import {podSummary} from '../render/pods.js';
import {textWidth} from '../text.js';
import type {Tone} from '../render/types.js';
import type {ColumnHeader, TableData, TableRow} from './table-data.js';

// RESTARTS for pods (all their containers) and containers: a crash loop shows in the tree, with k9s's arrow when the
// last tick added one.
const columns: ColumnHeader[] = [{title: 'NAME'}, {title: 'KIND'}, {title: 'STATUS'}, {title: 'RESTARTS', align: 'right'}];

export interface XrayObjects {
	deployments: readonly Deployment[];
	replicasets: readonly ReplicaSet[];
	pods: readonly Pod[];
}

const name = (o: KubeObject) => o.metadata?.name ?? '';
const key = (o: KubeObject) => `${o.kind}:${o.metadata?.namespace ?? ''}/${name(o)}`;
const byName = (a: KubeObject, b: KubeObject) => ((a.metadata?.namespace ?? '') + name(a) < (b.metadata?.namespace ?? '') + name(b) ? -1 : 1);

function childrenOf<T extends KubeObject>(objects: readonly T[]): Map<string, T[]> {
	const out = new Map<string, T[]>();
	for (const o of objects) {
		const owner = o.metadata?.ownerReferences?.find(r => r.controller)?.uid;
		if (!owner) continue;
		out.set(owner, [...(out.get(owner) ?? []), o]);
	}
	for (const list of out.values()) list.sort(byName);
	return out;
}

export function xrayTable(root: 'deployments' | 'replicasets' | 'pods', objects: XrayObjects): TableData {
	const rows: TableRow[] = [];
	const podsOf = childrenOf(objects.pods);
	const rsOf = childrenOf(objects.replicasets);
	const add = (prefix: string, last: boolean, depth: number, object: KubeObject, kind: string, status: string, tone: Tone, rowKey = key(object), restarts = '') => {
		const branch = depth === 0 ? '' : prefix + (last ? '└─ ' : '├─ ');
		rows.push({key: rowKey, cells: [branch + (rowKey.includes('#') ? rowKey.split('#')[1]! : name(object)), kind, status, restarts], tone, object});
	};
	const indent = (prefix: string, last: boolean, depth: number) => (depth === 0 ? '' : prefix + (last ? '   ' : '│  '));
	const pod = (p: Pod, prefix: string, last: boolean, depth: number) => {
		const summary = podSummary(p);
		const containers = [...(p.spec?.initContainers ?? []), ...(p.spec?.containers ?? [])];
		const statuses = [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])];
		add(prefix, last, depth, p, 'Pod', summary.status, summary.status === 'Running' && summary.ready === summary.total ? 'normal' : summary.status === 'Running' ? 'error' : 'pending', key(p), String(summary.restarts));
		containers.forEach((c, i) => {
			const s = statuses.find(x => x.name === c.name);
			const state = s?.state?.running ? 'Running' : s?.state?.terminated?.reason ?? s?.state?.waiting?.reason ?? 'Waiting';
			add(indent(prefix, last, depth), i === containers.length - 1, depth + 1, p, 'Container', state, state === 'Running' ? 'normal' : 'pending', `${key(p)}#${c.name}`, String(s?.restartCount ?? 0));
		});
	};
	const replicaset = (rs: ReplicaSet, prefix: string, last: boolean, depth: number) => {
		const ready = rs.status?.readyReplicas ?? 0;
		const desired = rs.spec?.replicas ?? 0;
		add(prefix, last, depth, rs, 'ReplicaSet', `${ready}/${desired}`, ready === desired ? 'normal' : 'pending');
		const children = podsOf.get(rs.metadata?.uid ?? '') ?? [];
		children.forEach((p, i) => pod(p, indent(prefix, last, depth), i === children.length - 1, depth + 1));
	};
	if (root === 'deployments') {
		for (const d of [...objects.deployments].sort(byName)) {
			const ready = d.status?.readyReplicas ?? 0;
			const desired = d.spec?.replicas ?? 0;
			add('', true, 0, d, 'Deployment', `${ready}/${desired}`, ready === desired ? 'normal' : 'pending');
			const children = rsOf.get(d.metadata?.uid ?? '') ?? [];
			children.forEach((rs, i) => replicaset(rs, '', i === children.length - 1, 1));
		}
	} else if (root === 'replicasets') {
		for (const rs of [...objects.replicasets].sort(byName)) replicaset(rs, '', true, 0);
	} else {
		for (const p of [...objects.pods].sort(byName)) pod(p, '', true, 0);
	}
	const widths = columns.map((c, i) => Math.max(textWidth(c.title), ...rows.map(r => textWidth(r.cells[i]!))));
	return {resource: 'xray', columns, rows, widths, index: new Map(rows.map((r, i) => [r.key, i]))};
}
