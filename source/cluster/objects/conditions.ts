// Status conditions: set one, keeping lastTransitionTime when the status did not change (as upstream helpers do).

export interface Condition {
	type: string;
	status: string;
	reason?: string;
	message?: string;
	lastTransitionTime?: string;
	lastUpdateTime?: string;
	lastProbeTime?: string | null;
	lastHeartbeatTime?: string;
}

/** A new conditions array with `next` set; the old array is not modified. */
export function setCondition<C extends Condition>(conditions: readonly C[] | undefined, next: C, now: string): C[] {
	const list = [...(conditions ?? [])];
	const index = list.findIndex(c => c.type === next.type);
	const old = index >= 0 ? list[index] : undefined;
	const merged = {...next, lastTransitionTime: old && old.status === next.status ? old.lastTransitionTime : now} as C;
	if (index >= 0) list[index] = merged;
	else list.push(merged);
	return list;
}

export function getCondition<C extends Condition>(conditions: readonly C[] | undefined, type: string): C | undefined {
	return conditions?.find(c => c.type === type);
}
