// DeleteOptions.propagationPolicy as the apiserver applies it (registry/generic/registry/store.go): Orphan and
// Foreground become the garbage collector's finalizers on the object being deleted; Background removes them.
import type {DeleteOptions} from './request.js';

/** The garbage collector's finalizers a propagation policy asks for (undefined: leave metadata.finalizers as they are). */
export function propagationFinalizers(current: readonly string[] | undefined, policy: DeleteOptions['propagationPolicy']): string[] | undefined {
	if (!policy) return undefined;
	const others = (current ?? []).filter(f => f !== 'orphan' && f !== 'foregroundDeletion');
	const next = policy === 'Orphan' ? [...others, 'orphan'] : policy === 'Foreground' ? [...others, 'foregroundDeletion'] : others;
	const same = next.length === (current?.length ?? 0) && next.every(f => current!.includes(f));
	return same ? undefined : next;
}
