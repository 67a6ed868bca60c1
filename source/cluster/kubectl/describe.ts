// kubectl describe (staging/src/k8s.io/kubectl/pkg/describe): the common metadata lines, the kind's own lines from
// its descriptor, then the object's events, oldest first.
import type {Event, KubeObject} from '../objects/types.js';
import type {DescribeLine, PrintContext, ResourceDescriptor} from '../api/resource.js';
import {age} from '../objects/duration.js';
import {formatTable} from './printer.js';

const indent = (lines: readonly string[], by = '  ') => lines.map(l => by + l);

/** kubectl describe leaves out the annotation kubectl apply keeps for itself. */
const skippedAnnotations = new Set(['kubectl.kubernetes.io/last-applied-configuration']);

function mapLines(map: Record<string, string> | undefined): string {
	const entries = Object.entries(map ?? {}).filter(([k]) => !skippedAnnotations.has(k)).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return entries.length ? entries.map(([k, v]) => `${k}=${v}`).join('\n') : '<none>';
}

/** `Key:   value` lines aligned on the longest key; a multi-line value continues under its first line. */
function render(lines: readonly DescribeLine[]): string[] {
	const keys = lines.filter((l): l is [string, string] => Array.isArray(l)).map(([k]) => k.length + 1);
	const width = Math.max(0, ...keys) + 2;
	const out: string[] = [];
	for (const line of lines) {
		if (Array.isArray(line)) {
			const [key, value] = line;
			const [first = '', ...rest] = value.split('\n');
			out.push(`${`${key}:`.padEnd(width)}${first}`.trimEnd());
			for (const more of rest) out.push(`${' '.repeat(width)}${more}`);
		} else if ('table' in line) {
			const {headers, rows} = line.table;
			if (rows.length === 0) {
				out.push(`${line.title}:  <none>`);
				continue;
			}
			out.push(`${line.title}:`);
			out.push(...indent(formatTable(headers, [headers.map(h => '-'.repeat(h.length)), ...rows], false, 2).split('\n')));
		} else {
			out.push(line.lines.length ? `${line.title}:` : `${line.title}:  <none>`);
			out.push(...indent(line.lines));
		}
	}
	return out;
}

export function describeObject(type: ResourceDescriptor, obj: KubeObject, events: readonly Event[], ctx: PrintContext): string {
	const meta = obj.metadata ?? {};
	const common: DescribeLine[] = [
		['Name', meta.name ?? ''],
		...(type.namespaced ? [['Namespace', meta.namespace ?? ''] as [string, string]] : []),
		['Labels', mapLines(meta.labels)],
		['Annotations', mapLines(meta.annotations)],
		['CreationTimestamp', meta.creationTimestamp ?? ''],
		...(meta.deletionTimestamp ? [['DeletionTimestamp', meta.deletionTimestamp] as [string, string]] : []),
		...((meta.ownerReferences ?? []).some(r => r.controller)
			? [['Controlled By', meta.ownerReferences!.filter(r => r.controller).map(r => `${r.kind}/${r.name}`).join(', ')] as [string, string]]
			: []),
	];
	const lines = render([...common, ...(type.describe?.(obj, ctx) ?? [])]);
	const own = events.filter(e => e.involvedObject?.uid === meta.uid || (!e.involvedObject?.uid && e.involvedObject?.name === meta.name && e.involvedObject?.kind === type.kind));
	if (own.length === 0) return [...lines, 'Events:  <none>'].join('\n');
	const sorted = [...own].sort((a, b) => (a.lastTimestamp ?? '').localeCompare(b.lastTimestamp ?? ''));
	const rows = sorted.map(e => {
		const count = e.count ?? 1;
		const seen = age(e.lastTimestamp, ctx.now);
		const when = count > 1 ? `${seen} (x${count} over ${age(e.firstTimestamp, ctx.now)})` : seen;
		return [e.type ?? '', e.reason ?? '', when, e.source?.component ?? e.reportingComponent ?? '', e.message ?? ''];
	});
	const table = formatTable(['Type', 'Reason', 'Age', 'From', 'Message'], [['----', '------', '----', '----', '-------'], ...rows], false, 2);
	return [...lines, 'Events:', ...indent(table.split('\n'))].join('\n');
}

