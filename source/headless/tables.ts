// kubectl-get-style tables for headless runs: `kubectl get nodes,deployments,replicasets,pods,events -A`,
// with IP and NODE for pods as -o wide shows them. Columns are padded like kubectl's printer (3 spaces).
import {
	age, nodeRoles, nodeStatus, summarizePod,
	type Cluster, type Deployment, type Event, type KubeObject, type Node, type Pod, type ReplicaSet,
} from '../cluster/index.js';

export function formatTable(headers: string[], rows: string[][]): string {
	const widths = headers.map((h, i) => Math.max(h.length, ...rows.map(r => (r[i] ?? '').length)));
	const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]! + 3))).join('').trimEnd();
	return [line(headers), ...rows.map(line)].join('\n');
}

const byNamespaceName = (a: KubeObject, b: KubeObject) => {
	const ka = `${a.metadata?.namespace ?? ''}/${a.metadata?.name}`, kb = `${b.metadata?.namespace ?? ''}/${b.metadata?.name}`;
	return ka < kb ? -1 : ka > kb ? 1 : 0;
};

export function clusterTables(cluster: Cluster): string {
	const now = cluster.clock.now();
	const list = <T extends KubeObject>(resource: string) => cluster.client.list<T>(resource).items.slice().sort(byNamespaceName);
	const sections: string[] = [];

	const nodes = list<Node>('nodes');
	sections.push(formatTable(['NAME', 'STATUS', 'ROLES', 'AGE', 'VERSION'], nodes.map(n => [
		`node/${n.metadata!.name}`, nodeStatus(n), nodeRoles(n), age(n.metadata!.creationTimestamp, now), n.status?.nodeInfo?.kubeletVersion ?? '',
	])));

	const deployments = list<Deployment>('deployments');
	if (deployments.length) sections.push(formatTable(['NAMESPACE', 'NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE'], deployments.map(d => [
		d.metadata!.namespace!, `deployment.apps/${d.metadata!.name}`, `${d.status?.readyReplicas ?? 0}/${d.spec?.replicas ?? 0}`,
		String(d.status?.updatedReplicas ?? 0), String(d.status?.availableReplicas ?? 0), age(d.metadata!.creationTimestamp, now),
	])));

	const replicaSets = list<ReplicaSet>('replicasets');
	if (replicaSets.length) sections.push(formatTable(['NAMESPACE', 'NAME', 'DESIRED', 'CURRENT', 'READY', 'AGE'], replicaSets.map(rs => [
		rs.metadata!.namespace!, `replicaset.apps/${rs.metadata!.name}`, String(rs.spec?.replicas ?? 0), String(rs.status?.replicas ?? 0),
		String(rs.status?.readyReplicas ?? 0), age(rs.metadata!.creationTimestamp, now),
	])));

	const pods = list<Pod>('pods');
	if (pods.length) sections.push(formatTable(['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE'], pods.map(p => {
		const s = summarizePod(p);
		return [p.metadata!.namespace!, `pod/${p.metadata!.name}`, `${s.ready}/${s.total}`, s.status, String(s.restarts),
			age(p.metadata!.creationTimestamp, now), p.status?.podIP ?? '<none>', p.spec?.nodeName ?? '<none>'];
	})));

	const events = cluster.client.list<Event>('events').items.slice().sort((a, b) => {
		const ta = a.lastTimestamp ?? '', tb = b.lastTimestamp ?? '';
		return ta !== tb ? (ta < tb ? -1 : 1) : byNamespaceName(a, b);
	});
	if (events.length) sections.push(formatTable(['NAMESPACE', 'LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'], events.map(e => [
		e.metadata!.namespace!, age(e.lastTimestamp, now), e.type ?? '', e.reason ?? '',
		`${(e.involvedObject.kind ?? '').toLowerCase()}/${e.involvedObject.name}`, e.message ?? '',
	])));
	return sections.join('\n\n');
}
