// The text views' lines: kubectl describe, the object as YAML, container logs (all through the cluster's kubectl,
// the one implementation the command line uses), and the aliases k9s lists for `:aliases`.
import {lookupResource, resources} from '../../cluster/index.js';
import type {View} from '../state/types.js';
import type {DashboardCluster} from './snapshot.js';

type TextView = Extract<View, {kind: 'text'}>;

function commandTarget(view: TextView): string {
	const target = view.target!;
	const singular = lookupResource(target.resource)?.singular ?? target.resource;
	return `${singular}/${target.name}${target.namespace ? ` -n ${target.namespace}` : ''}`;
}

export function aliasLines(): string[] {
	const rows = resources.map(r => [r.resource, [r.singular, ...r.shortNames].join(','), r.group ? `${r.group}/${r.version}` : r.version]);
	const widths = [0, 1, 2].map(i => Math.max(...rows.map(r => r[i]!.length), ['RESOURCE', 'ALIASES', 'GROUP/VERSION'][i]!.length));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
	return [line(['RESOURCE', 'ALIASES', 'GROUP/VERSION']), ...rows.map(line)];
}

/** The lines to show; a failing command (the object is gone) shows its error instead, so the view never breaks. */
export function textLines(cluster: DashboardCluster, view: TextView): string[] {
	if (view.mode === 'aliases') return aliasLines();
	if (!view.target) return [];
	const command = view.mode === 'describe'
		? `describe ${commandTarget(view)}`
		: view.mode === 'yaml'
			? `get ${commandTarget(view)} -o yaml`
			: `logs ${commandTarget(view)}${view.container ? ` -c ${view.container}` : ''}${view.previous ? ' --previous' : ''}`;
	try {
		const text = cluster.kubectl.run(command).message;
		const lines = text.replace(/\n+$/, '').split('\n');
		return lines.length === 1 && lines[0] === '' ? [view.mode === 'logs' ? '(no log lines yet)' : ''] : lines;
	} catch (error) {
		return [(error as Error).message];
	}
}
