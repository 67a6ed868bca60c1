// Pod manifests for the lifecycle tests, from YAML as a user writes them.
import {parse} from 'yaml';
import type {Cluster, Event, Pod} from '../../source/cluster/index.js';

export function podFromYaml(text: string): Pod {
	return parse(text) as Pod;
}

export const getPod = (cluster: Cluster, name: string) => cluster.client.get<Pod>('pods', name);

/** Messages of a pod's events with a reason, oldest first. */
export function messages(cluster: Cluster, name: string, reason: string): string[] {
	return cluster.client.list<Event>('events', {fieldSelector: `reason=${reason}`}).items
		.filter(e => e.involvedObject.name === name).map(e => e.message ?? '');
}
