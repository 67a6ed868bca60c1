// kubectl apply's three-way merge, as a JSON merge patch: from the live object to the manifest, plus
// the removal of fields the last applied manifest had and this one dropped. Fields that other writers
// set (a controller's annotation, a node's pod CIDR, a cordon) are left alone.
import {deepEqual} from '../objects/clone.js';

export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

type Json = Record<string, unknown>;
const isMap = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** The patch taking `current` to `modified`, deleting what `original` (the last applied) had and `modified` has not. */
export function threeWayMergePatch(original: Json | undefined, modified: Json, current: Json): Json {
	const patch: Json = {};
	for (const [key, value] of Object.entries(modified)) {
		const live = current[key];
		if (isMap(value) && isMap(live)) {
			const sub = threeWayMergePatch(isMap(original?.[key]) ? original[key] as Json : undefined, value, live);
			if (Object.keys(sub).length > 0) patch[key] = sub;
		} else if (!deepEqual(value, live)) {
			patch[key] = value;
		}
	}
	for (const key of Object.keys(original ?? {})) {
		if (!(key in modified) && key in current) patch[key] = null;
	}
	return patch;
}
