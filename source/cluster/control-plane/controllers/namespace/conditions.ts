// The namespace deleter's status conditions (pkg/controller/namespace/deletion/status_condition_utils.go): each
// of five types is either the failure found by this pass or its "ok" variant, written only when one changed.
import type {NamespaceCondition} from '../../../objects/types.js';

const conditionTypes = [
	'NamespaceDeletionDiscoveryFailure',
	'NamespaceDeletionGroupVersionParsingFailure',
	'NamespaceDeletionContentFailure',
	'NamespaceContentRemaining',
	'NamespaceFinalizersRemaining',
] as const;

const ok: Record<(typeof conditionTypes)[number], {reason: string; message: string}> = {
	NamespaceDeletionDiscoveryFailure: {reason: 'ResourcesDiscovered', message: 'All resources successfully discovered'},
	NamespaceDeletionGroupVersionParsingFailure: {reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed'},
	NamespaceDeletionContentFailure: {reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization'},
	NamespaceContentRemaining: {reason: 'ContentRemoved', message: 'All content successfully removed'},
	NamespaceFinalizersRemaining: {reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished'},
};

/** What one pass of deleteAllContent found. */
export interface ContentTotals {
	/** `pods.` / `deployments.apps` (resource.group) -> objects still there. */
	remaining: Map<string, number>;
	/** finalizer -> objects it still holds. */
	finalizers: Map<string, number>;
	/** Errors of resource types whose content could not be removed. */
	errors: string[];
}

const sortedText = (entries: Iterable<[string, number]>, format: (key: string, n: number) => string) =>
	[...entries].filter(([, n]) => n > 0).map(([key, n]) => format(key, n)).sort();

/** ProcessContentTotals + makeDeleteContentCondition: the failing conditions of this pass. */
function failures(totals: ContentTotals): Array<Pick<NamespaceCondition, 'type' | 'reason' | 'message'>> {
	const out: Array<Pick<NamespaceCondition, 'type' | 'reason' | 'message'>> = [];
	if (totals.errors.length > 0) {
		out.push({type: 'NamespaceDeletionContentFailure', reason: 'ContentDeletionFailed',
			message: `Failed to delete all resource types, ${totals.errors.length} remaining: ${[...totals.errors].sort().join(', ')}`});
	}
	if (totals.remaining.size > 0) {
		out.push({type: 'NamespaceContentRemaining', reason: 'SomeResourcesRemain',
			message: `Some resources are remaining: ${sortedText(totals.remaining, (gr, n) => `${gr} has ${n} resource instances`).join(', ')}`});
	}
	if (totals.finalizers.size > 0) {
		out.push({type: 'NamespaceFinalizersRemaining', reason: 'SomeFinalizersRemain',
			message: `Some content in the namespace has finalizers remaining: ${sortedText(totals.finalizers, (f, n) => `${f} in ${n} resource instances`).join(', ')}`});
	}
	return out;
}

/** updateConditions: the new conditions list, or undefined when nothing changed. */
export function updateConditions(conditions: readonly NamespaceCondition[] | undefined, totals: ContentTotals, now: string): NamespaceCondition[] | undefined {
	const found = failures(totals);
	const list = [...(conditions ?? [])];
	let changed = false;
	for (const type of conditionTypes) {
		const failure = found.find(c => c.type === type);
		const next: NamespaceCondition = failure ? {...failure, status: 'True'} : {type, status: 'False', ...ok[type]};
		const index = list.findIndex(c => c.type === type);
		const old = index >= 0 ? list[index] : undefined;
		if (!old) {
			list.push({type, status: next.status, lastTransitionTime: now, reason: next.reason, message: next.message});
			changed = true;
		} else if (old.status !== next.status || old.reason !== next.reason || old.message !== next.message) {
			list[index] = {...old, status: next.status, reason: next.reason, message: next.message, lastTransitionTime: old.status !== next.status ? now : old.lastTransitionTime};
			changed = true;
		}
	}
	return changed ? list : undefined;
}
