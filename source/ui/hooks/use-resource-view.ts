// The open resource view's table (`:cm`, `:rs`, ...), re-derived once after each cluster change while it is open.
import {useMemo, useSyncExternalStore} from 'react';
import {deriveViewTable, type DashboardCluster} from '../snapshot/snapshot.js';
import type {TableData} from '../snapshot/table-data.js';

export function useResourceView(cluster: DashboardCluster, resource: string | undefined): TableData | undefined {
	const source = useMemo(() => {
		let current: TableData | undefined;
		let stale = true;
		return {
			subscribe: (listener: () => void) => cluster.subscribe(() => {
				stale = true;
				listener();
			}),
			get: () => {
				if (stale && resource) {
					current = deriveViewTable(cluster, resource);
					stale = false;
				}
				return resource ? current : undefined;
			},
		};
	}, [cluster, resource]);
	return useSyncExternalStore(source.subscribe, source.get);
}
