// Headless tables: `kubectl get <every served kind> -A -o wide`, kind by kind in the registry's order, from each
// kind's descriptor columns (the same columns the dashboard shows). Kinds with no objects are left out.
import {printTable, resources, type Cluster, type Event, type KubeObject} from '../cluster/index.js';

const byNamespaceName = (a: KubeObject, b: KubeObject) => {
	const ka = `${a.metadata?.namespace ?? ''}/${a.metadata?.name}`, kb = `${b.metadata?.namespace ?? ''}/${b.metadata?.name}`;
	return ka < kb ? -1 : ka > kb ? 1 : 0;
};

/** Events read best in the order they happened (`kubectl get events --sort-by=.lastTimestamp`). */
const byLastSeen = (a: KubeObject, b: KubeObject) => {
	const ta = (a as Event).lastTimestamp ?? '', tb = (b as Event).lastTimestamp ?? '';
	return ta !== tb ? (ta < tb ? -1 : 1) : byNamespaceName(a, b);
};

export function clusterTables(cluster: Cluster): string {
	const now = cluster.clock.now();
	const sections: string[] = [];
	for (const type of resources) {
		const items = cluster.client.list(type.resource).items.slice().sort(type.kind === 'Event' ? byLastSeen : byNamespaceName);
		if (items.length) sections.push(printTable(type, items, {now, wide: true, allNamespaces: true, withKind: type.kind !== 'Event'}));
	}
	return sections.join('\n\n');
}
