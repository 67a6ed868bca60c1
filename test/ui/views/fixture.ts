// A cluster three ticks in (the default fixture): the scheduler has bound eight pods and one waits (no room).
import type {Cluster, Pod} from '../../../source/cluster/index.js';
import {defaultCluster} from '../helpers/cluster.js';

export const sizes = [[120, 40], [80, 24], [40, 10]] as const;

export function scheduledCluster(): {cluster: Cluster; pending: Pod; bound: Pod} {
	const cluster = defaultCluster(3);
	const pods = cluster.client.list<Pod>('pods').items;
	return {cluster, pending: pods.find(p => !p.spec?.nodeName)!, bound: pods.find(p => p.spec?.nodeName === 'worker-1')!};
}

/** Every line of a frame fits the width, and the frame the height. */
export function fits(frame: string, width: number, height: number): string | undefined {
	const lines = frame.split('\n');
	if (lines.length > height) return `${lines.length} lines for a height of ${height}`;
	const wide = lines.find(l => Array.from(l).length > width);
	return wide === undefined ? undefined : `line wider than ${width}: ${wide}`;
}
