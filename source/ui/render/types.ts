// One renderer per resource, k9s style: the kind's kubectl columns (from its descriptor), a row tone, a sort order.
// Pure: object in, text out.
import type {KubeObject, PrinterColumn, ResourceDescriptor} from '../../cluster/index.js';

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
	/** Width kept from the start, so a longer value appearing later does not change which columns show. */
	reserve?: number;
}

/** The home screen's panes. */
export type ResourceName = 'deployments' | 'nodes' | 'pods' | 'events';

export interface ResourceRenderer<T extends KubeObject> {
	/** The plural resource name (`pods`, `configmaps`). */
	resource: string;
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

/** The dashboard's column for one of kubectl's: wide columns only in wide mode, counts right-aligned. */
export function fromPrinterColumn<T extends KubeObject>(column: PrinterColumn<T>, options: {wide?: boolean} = {}): Column<T> {
	return {
		title: column.name,
		value: column.value,
		...(column.min !== undefined ? {min: column.min} : {}),
		...(column.cut ? {cut: true} : {}),
		...(column.drop !== undefined ? {drop: column.drop} : {}),
		...(column.reserve !== undefined ? {reserve: column.reserve} : {}),
		...(column.type === 'integer' ? {align: 'right' as const} : {}),
		...((options.wide ?? column.priority === 1) ? {wide: true} : {}),
	};
}

export const namespaceColumn: Column<KubeObject> = {title: 'NAMESPACE', value: obj => obj.metadata?.namespace ?? '', min: 6, drop: 5};

/**
 * A kind's columns as the dashboard shows them: NAMESPACE first for namespaced kinds, then kubectl's columns.
 * `promote` moves wide columns into the normal view (k9s shows a pod's IP and NODE); `extra` adds columns kubectl
 * does not have, before `before` (the nodes pane's PODS, CPU and MEM).
 */
export function descriptorColumns<T extends KubeObject>(
	descriptor: ResourceDescriptor<T>,
	options: {namespace?: boolean; promote?: readonly string[]; extra?: ReadonlyArray<Column<T>>; before?: string} = {},
): Array<Column<T>> {
	const columns = descriptor.columns.map(c => fromPrinterColumn(c, {wide: c.priority === 1 && !options.promote?.includes(c.name)}));
	if (options.extra?.length) {
		const at = columns.findIndex(c => c.title === options.before);
		columns.splice(at < 0 ? columns.length : at, 0, ...options.extra);
	}
	const namespaced = options.namespace ?? descriptor.namespaced;
	return namespaced ? [namespaceColumn as Column<T>, ...columns] : columns;
}

/** Any kind without a renderer of its own: its descriptor's columns, terminating rows marked, by namespace and name. */
export function genericRenderer(descriptor: ResourceDescriptor): ResourceRenderer<KubeObject> {
	return {
		resource: descriptor.resource,
		namespaced: descriptor.namespaced,
		columns: descriptorColumns(descriptor),
		tone: obj => (obj.metadata?.deletionTimestamp ? 'terminating' : 'normal'),
		compare: byNamespaceAndName,
	};
}
