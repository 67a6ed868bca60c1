// What the top view shows, re-derived once after each cluster change while it is open: a table (a kind, a pod's
// containers, the xray tree) or lines of text (describe, YAML, logs).
import {useMemo, useSyncExternalStore} from 'react';
import type {ControlPlaneState, Deployment, Pod, ReplicaSet, TickTrace, WhyReport} from '../../cluster/index.js';
import {containersTable} from '../snapshot/containers.js';
import {liveSnapshot} from '../snapshot/live-snapshot.js';
import {deriveViewTable, type DashboardCluster} from '../snapshot/snapshot.js';
import type {TableData} from '../snapshot/table-data.js';
import {textLines} from '../snapshot/text.js';
import {xrayTable} from '../snapshot/xray.js';
import type {View} from '../state/types.js';
import {inspectData} from '../views/data.js';

export interface ViewData {
	table?: TableData;
	text?: string[];
	/** kubetui's own views: what the table's rows were built from. */
	trace?: TickTrace;
	why?: WhyReport;
	controlPlane?: ControlPlaneState;
}

/** The part of a view that decides what is listed (not its cursor or scroll position). */
function sourceKey(view: View | undefined): string {
	if (!view) return '';
	switch (view.kind) {
		case 'resource': return JSON.stringify(['resource', view.resource, view.scope ?? null]);
		case 'containers': return JSON.stringify(['containers', view.target]);
		case 'xray': return JSON.stringify(['xray', view.resource, view.namespace ?? null]);
		case 'text': return JSON.stringify(['text', view.mode, view.target ?? null, view.container ?? null, view.previous ?? false]);
		case 'trace': return JSON.stringify(['trace', view.tick ?? null]);
		case 'why': return JSON.stringify(['why', view.target]);
		case 'control-plane': return 'control-plane';
	}
}

export function deriveViewData(cluster: DashboardCluster, view: View): ViewData {
	switch (view.kind) {
		// An unscoped kind's table is kept from watch events; a scoped one (a node's pods) is listed per change.
		case 'resource': return {table: view.scope ? deriveViewTable(cluster, view.resource, view.scope) : liveSnapshot(cluster).viewTable(view.resource)};
		case 'containers': {
			const pod = cluster.client.find<Pod>('pods', view.target.name, view.target.namespace);
			return pod ? {table: containersTable(pod)} : {text: [`pod ${view.target.namespace}/${view.target.name} is gone`]};
		}
		case 'xray': {
			const options = view.namespace ? {namespace: view.namespace} : {};
			return {
				table: xrayTable(view.resource as 'deployments', {
					deployments: view.resource === 'deployments' ? cluster.client.list<Deployment>('deployments', options).items : [],
					replicasets: view.resource === 'pods' ? [] : cluster.client.list<ReplicaSet>('replicasets', options).items,
					pods: cluster.client.list<Pod>('pods', options).items,
				}),
			};
		}
		case 'text': return {text: textLines(cluster, view)};
		case 'trace': case 'why': case 'control-plane': return inspectData(cluster, view);
	}
}

export function useViewData(cluster: DashboardCluster, view: View | undefined): ViewData | undefined {
	const key = sourceKey(view);
	const source = useMemo(() => {
		let current: ViewData | undefined;
		let stale = true;
		const shown = view;
		return {
			subscribe: (listener: () => void) => cluster.subscribe(() => {
				stale = true;
				listener();
			}),
			get: () => {
				if (!shown) return undefined;
				if (stale) {
					current = deriveViewData(cluster, shown);
					stale = false;
				}
				return current;
			},
		};
		// The source changes only when what is listed changes (its key), not with the cursor or scroll offset.
	}, [cluster, key]);
	return useSyncExternalStore(source.subscribe, source.get);
}
