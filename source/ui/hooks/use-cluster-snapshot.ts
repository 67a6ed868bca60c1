// The cluster as the dashboard shows it: updated from watch events once after each change the cluster announces,
// then shared by every render until the next change.
import {useMemo, useSyncExternalStore} from 'react';
import {liveSnapshot} from '../snapshot/live-snapshot.js';
import type {DashboardCluster, Snapshot} from '../snapshot/snapshot.js';

export interface SnapshotSource {
	subscribe(listener: () => void): () => void;
	get(): Snapshot;
}

/** A cached snapshot that goes stale on every cluster notification and is brought up to date on the next read. */
export function snapshotSource(cluster: DashboardCluster): SnapshotSource {
	const live = liveSnapshot(cluster);
	let current: Snapshot | undefined;
	return {
		subscribe(listener) {
			return cluster.subscribe(() => {
				current = undefined;
				listener();
			});
		},
		get() {
			current ??= live.snapshot();
			return current;
		},
	};
}

export function useClusterSnapshot(cluster: DashboardCluster): Snapshot {
	const source = useMemo(() => snapshotSource(cluster), [cluster]);
	return useSyncExternalStore(source.subscribe, source.get);
}
