// kubectl apply's three-way merge, as a JSON merge patch: from the live object to the manifest, plus
// the removal of fields the last applied manifest had and this one dropped. Fields that other writers
// set (a controller's annotation, a node's pod CIDR, a cordon) are left alone.
import {deepEqual} from '../objects/clone.js';
import {mergePatch} from '../api/merge-patch.js';

export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Lists that a strategic merge patch merges item by item (the patchMergeKey of the core/v1 fields), so what
 * others added to an item or to the list (admission's token volume and mounts) survives an apply.
 */
const mergeKeys: Record<string, string> = {
	containers: 'name', initContainers: 'name', volumes: 'name', volumeMounts: 'mountPath', env: 'name',
	ports: 'containerPort', imagePullSecrets: 'name',
};

/** The list an apply leaves: the manifest's items merged into the live ones, others' items kept, dropped ones gone. */
function mergeList(field: string, original: unknown, modified: unknown[], current: unknown[]): unknown[] | undefined {
	const key = mergeKeys[field];
	const keyed = (list: unknown) => Array.isArray(list) && list.every(item => isMap(item) && item[key!] !== undefined);
	if (!key || !keyed(modified) || !keyed(current)) return undefined;
	const find = (list: unknown, item: Json) => (Array.isArray(list) ? list.find(x => isMap(x) && x[key] === item[key]) as Json | undefined : undefined);
	const merged: unknown[] = (modified as Json[]).map(item => {
		const live = find(current, item);
		return live ? mergePatch(live, threeWayMergePatch(find(original, item), item, live)) : item;
	});
	for (const live of current as Json[]) {
		if (!find(modified, live) && !find(original, live)) merged.push(live);
	}
	return merged;
}

/** The patch taking `current` to `modified`, deleting what `original` (the last applied) had and `modified` has not. */
export function threeWayMergePatch(original: Json | undefined, modified: Json, current: Json): Json {
	const patch: Json = {};
	for (const [key, value] of Object.entries(modified)) {
		const live = current[key];
		const list = Array.isArray(value) && Array.isArray(live) ? mergeList(key, original?.[key], value, live) : undefined;
		if (isMap(value) && isMap(live)) {
			const sub = threeWayMergePatch(isMap(original?.[key]) ? original[key] as Json : undefined, value, live);
			if (Object.keys(sub).length > 0) patch[key] = sub;
		} else if (list) {
			if (!deepEqual(list, live)) patch[key] = list;
		} else if (!deepEqual(value, live)) {
			patch[key] = value;
		}
	}
	for (const key of Object.keys(original ?? {})) {
		if (!(key in modified) && key in current) patch[key] = null;
	}
	return patch;
}
