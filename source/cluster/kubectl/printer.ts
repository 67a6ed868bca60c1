// kubectl get's table printer (k8s.io/cli-runtime/pkg/printers/tableprinter.go): the descriptor's columns, NAMESPACE
// first when listing every namespace, `kind.group/name` when several kinds are printed, columns padded with 3 spaces.
import type {KubeObject} from '../objects/types.js';
import type {PrintContext, ResourceDescriptor} from '../api/resource.js';

export interface PrintOptions extends PrintContext {
	/** `-o wide`: the priority 1 columns too. */
	wide?: boolean;
	/** `-A`: a NAMESPACE column first (namespaced kinds only). */
	allNamespaces?: boolean;
	/** Several kinds in one listing: names as `deployment.apps/web`. */
	withKind?: boolean;
	/** `--no-headers`. */
	noHeaders?: boolean;
}

/** Columns padded to the widest cell plus `gap` spaces (kubectl get: 3; kubectl describe's tables: 2). */
export function formatTable(headers: readonly string[], rows: readonly string[][], noHeaders = false, gap = 3): string {
	const all = noHeaders ? rows : [headers, ...rows];
	const widths = headers.map((_, i) => Math.max(...all.map(r => (r[i] ?? '').length)));
	const line = (cells: readonly string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]! + gap))).join('').trimEnd();
	return all.map(line).join('\n');
}

/** `deployment.apps`, `pod`: how kubectl names a kind in `kind/name`. */
export function qualifiedKind(type: ResourceDescriptor): string {
	return type.group ? `${type.singular}.${type.group}` : type.singular;
}

export function printTable(type: ResourceDescriptor, objects: readonly KubeObject[], options: PrintOptions): string {
	const columns = type.columns.filter(c => options.wide || !c.priority);
	const namespace = options.allNamespaces && type.namespaced;
	const headers = [...(namespace ? ['NAMESPACE'] : []), ...columns.map(c => c.name)];
	const rows = objects.map(obj => {
		const cells = columns.map(c => c.value(obj, options));
		if (options.withKind) cells[0] = `${qualifiedKind(type)}/${cells[0]}`;
		return namespace ? [obj.metadata?.namespace ?? '', ...cells] : cells;
	});
	return formatTable(headers, rows, options.noHeaders);
}
