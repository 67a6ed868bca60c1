// One entry of the API server's resource registry: everything that differs between resources.
// Adding a resource is adding one of these (see resources/), not a new code path.
import type {KubeObject} from '../objects/types.js';
import type {FieldError} from './errors.js';

export interface ScaleAccess<T> {
	specReplicas(obj: T): number;
	statusReplicas(obj: T): number;
	selector(obj: T): string;
	withReplicas(obj: T, replicas: number): T;
}

export interface DeletionContext {
	/** gracePeriodSeconds from the delete options, if given. */
	requested?: number;
}

export interface ResourceType<T extends KubeObject = any> {
	group: string;
	version: string;
	kind: string;
	/** Plural, lower case: the URL and registry name (`pods`, `deployments`). */
	resource: string;
	singular: string;
	shortNames: string[];
	namespaced: boolean;
	/** Has a status subresource: update keeps the old status, updateStatus keeps the old spec. */
	hasStatus: boolean;
	/** Bump metadata.generation when spec changes. */
	hasSpec: boolean;
	/** Fill defaults in place (on a private clone), as the defaulting funcs and admission plugins do. */
	defaults?(obj: T): void;
	/** Validation on create and update; field paths as upstream (spec.replicas, spec.template.spec.containers[0].image). */
	validate?(obj: T): FieldError[];
	/** Extra checks on update only (immutable fields). */
	validateUpdate?(obj: T, old: T): FieldError[];
	/** Field selectors beyond metadata.name and metadata.namespace. */
	fieldSelectors?: Record<string, (obj: T) => string | undefined>;
	/** A field selector the watch cache indexes on, so thousands of filtered watchers stay cheap (pods: spec.nodeName). */
	watchIndex?: string;
	/** The scale subresource. */
	scale?: ScaleAccess<T>;
	/** Seconds of graceful deletion (0: remove at once). */
	gracePeriod?(obj: T, ctx: DeletionContext): number;
}

export function apiVersionOf(type: ResourceType): string {
	return type.group ? `${type.group}/${type.version}` : type.version;
}
