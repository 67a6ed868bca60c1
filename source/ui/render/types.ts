// One renderer per resource, k9s style: a typed column list, a row tone, a sort order. Pure: object in, text out.
import type {KubeObject} from '../../cluster/index.js';

/** What a row's colour means (the theme maps it to the k9s stock skin). */
export type Tone = 'normal' | 'pending' | 'error' | 'terminating' | 'completed';

/** Pods bound to a node and what they request, for the nodes pane's PODS, CPU and MEM. */
export interface NodeUsage {
	pods: number;
	milliCPU: number;
	memory: number;
}

/** Everything a column may read besides its object, computed once per snapshot. */
export interface RenderContext {
	/** Simulated time (epoch ms): AGE and LAST SEEN are relative to it, never to the wall clock. */
	now: number;
	nodeUsage: ReadonlyMap<string, NodeUsage>;
}

export interface Column<T> {
	title: string;
	value(obj: T, ctx: RenderContext): string;
	/** Widest it may grow; longer values are cut with '…'. */
	width?: number;
	/** Narrowest it may shrink to on a narrow terminal; without it the column keeps its natural width. */
	min?: number;
	/** Cheap to cut (a message, labels): shrinks to `min` before any other column does. */
	cut?: boolean;
	/** Drop order on a narrow terminal: the highest goes first; without it the column is never dropped. */
	drop?: number;
	align?: 'left' | 'right';
	/** Only in wide mode (k9s ctrl-w). */
	wide?: boolean;
}

export type ResourceName = 'deployments' | 'nodes' | 'pods' | 'events';

export interface ResourceRenderer<T extends KubeObject> {
	resource: ResourceName;
	namespaced: boolean;
	columns: ReadonlyArray<Column<T>>;
	tone(obj: T, ctx: RenderContext): Tone;
	/** The order rows are listed in. */
	compare(a: T, b: T): number;
}

/** "namespace/name", or "name" for cluster-scoped objects: a row's identity, kept under the cursor. */
export function rowKey(obj: KubeObject): string {
	const meta = obj.metadata ?? {};
	return meta.namespace ? `${meta.namespace}/${meta.name}` : `${meta.name ?? ''}`;
}

export function byNamespaceAndName(a: KubeObject, b: KubeObject): number {
	return compareText(a.metadata?.namespace ?? '', b.metadata?.namespace ?? '')
		|| compareText(a.metadata?.name ?? '', b.metadata?.name ?? '');
}

export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}
