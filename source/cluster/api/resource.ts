// One descriptor per kind: everything the API server, kubectl's printers, the describer, the dashboard and the
// garbage collector need to serve it, the way the apiserver's registry (strategy + storage), kubectl's printers and
// k9s's renderer registry do together. Adding a kind is adding one of these (see resources/), not a new code path.
import type {KubeObject} from '../objects/types.js';
import type {FieldError, StatusError} from './errors.js';
import type {Random} from '../sim/random.js';

export interface DeletionContext {
	/** gracePeriodSeconds from the delete options, if given. */
	requested?: number;
}

/** What a subresource write may read besides its parent object. */
export interface SubresourceContext {
	/** Timestamps of the simulated clock (RFC 3339). */
	timestamp(): string;
}

/** What a subresource that acts on other objects may do (pods/eviction updates a budget and deletes the pod). */
export interface SubresourceOperations {
	timestamp(): string;
	now(): number;
	list(resource: string, namespace?: string): KubeObject[];
	updateStatus(resource: string, obj: KubeObject, reason: string): KubeObject;
	delete(resource: string, name: string, options: {namespace?: string; gracePeriodSeconds?: number; preconditions?: {uid?: string}; reason: string}): KubeObject;
}

/** A subresource whose write is an action, not a new parent object (upstream's EvictionREST.Create). */
export interface ActionSubresource<T extends KubeObject = KubeObject, Body = unknown> {
	verb: 'create';
	/** Do it as the requesting identity; returns what the API answers (a Status-like object); throws a Status error to refuse. */
	act(obj: T, body: Body, ops: SubresourceOperations): KubeObject;
}

/**
 * A subresource as an entry of its own (upstream: PodStorage{Pod, Binding, Eviction, Status, Log}): how it reads,
 * and how a write to it turns into the parent object to store.
 */
export interface Subresource<T extends KubeObject = KubeObject, Body = unknown, View extends KubeObject = KubeObject> {
	/** The verb the trace records for a write: a binding is created, a scale updated. */
	verb: 'create' | 'update';
	/** GET on the subresource (a Scale for `scale`); absent when it cannot be read. */
	get?(obj: T): View;
	/** The parent object after the write, from a private copy; throws a Status error to refuse. */
	write(obj: T, body: Body, ctx: SubresourceContext): T;
}

/** Marks a kind whose status is written only through the status subresource (update keeps the old status). */
export interface StatusSubresource {
	status: true;
}

export interface Subresources<T extends KubeObject> {
	/** Update keeps the old status; updateStatus keeps the old spec. */
	status?: StatusSubresource;
	scale?: Subresource<T, {replicas: number}>;
	binding?: Subresource<T, {target: {name: string}}>;
	/** namespaces/finalize: the only way to change a namespace's spec.finalizers. */
	finalize?: Subresource<T, {spec?: {finalizers?: string[]}}>;
	/** pods/eviction: a delete that honours PodDisruptionBudgets. */
	eviction?: ActionSubresource<T>;
}

/** What an allocator may use: the cluster's seeded generator (allocation is random, as upstream's, and reproducible). */
export interface AllocatorContext {
	random: Random;
}

/**
 * A registry allocator (upstream's ClusterIP and NodePort allocators behind the Service storage): it holds what stored
 * objects have claimed, one per API server. The server calls it after mutating admission and before validation (as the
 * Service storage's BeginCreate/BeginUpdate), and again once a write is committed or an object removed.
 */
export interface Allocator<T extends KubeObject = KubeObject> {
	/** Claim what an object already stored holds (when the allocator is first built from the store). */
	restore(obj: T): void;
	/**
	 * Fill in and reserve what `obj` needs (`old`: the stored version on update). Throws a Status error to refuse. A dry
	 * run reserves nothing and draws no random numbers. Returns the undo for a write that then does not happen.
	 */
	allocate(obj: T, old: T | undefined, dryRun: boolean): () => void;
	/** After a committed write (`next`) or a removal (no `next`): free what `old` held that `next` does not. */
	release(old: T, next?: T): void;
}

/** What a printer column may read besides its object. */
export interface PrintContext {
	/** Simulated time (epoch ms): AGE is relative to it, never to the wall clock. */
	now: number;
	/** Other objects, for a describer that shows them (a Service's Endpoints); absent where there is no client. */
	list?(resource: string, options: {namespace?: string; labelSelector?: string}): KubeObject[];
}

/** One column as kubectl prints it (pkg/printers/internalversion), with hints for narrow dashboards. */
export interface PrinterColumn<T> {
	/** Header as kubectl prints it: NAME, READY, UP-TO-DATE, LAST SEEN. */
	name: string;
	/** integer columns are right-aligned in the dashboard. */
	type?: 'string' | 'integer' | 'date';
	/** 1: only with `-o wide` (and the dashboard's wide mode). */
	priority?: 0 | 1;
	value(obj: T, ctx: PrintContext): string;
	/** Dashboard hints: narrowest width, cheap to cut (a message), drop order on a narrow terminal (highest first). */
	min?: number;
	cut?: boolean;
	drop?: number;
	/** Width the dashboard keeps for the column from the start (`ContainerCreating`), so the columns shown do not
	 * change when a longer value first appears. */
	reserve?: number;
}

/** One section of `kubectl describe`: a `Key: value` line, a titled block of lines, or a titled table. */
export type DescribeLine =
	| [label: string, value: string]
	| {title: string; lines: string[]}
	| {title: string; table: {headers: string[]; rows: string[][]}};

export interface ResourceDescriptor<T extends KubeObject = any> {
	group: string;
	version: string;
	kind: string;
	/** Plural, lower case: the URL and registry name (`pods`, `deployments`). */
	resource: string;
	singular: string;
	shortNames: string[];
	namespaced: boolean;
	/** metadata.generation counts spec changes (kinds with a spec). */
	generation: boolean;

	// Strategy (pkg/registry/<group>/<kind>/strategy.go), applied in this order on a write: defaults,
	// prepareForCreate or prepareForUpdate, validate (+ validateUpdate).
	/** Scheme defaulting, on create and update (on a private clone). */
	defaults?(obj: T): void;
	/** Reset what a create may not set (status is cleared by the server for kinds with a status subresource). */
	prepareForCreate?(obj: T): void;
	/** Fix up an update from the old object (fields the user may not change are carried over). */
	prepareForUpdate?(obj: T, old: T): void;
	/**
	 * Field paths as upstream (spec.replicas, spec.template.spec.containers[0].image). Runs on create and update
	 * (`old` given), as most ValidateXUpdate functions include ValidateX; a kind whose update skips it checks `old`.
	 */
	validate?(obj: T, old?: T): FieldError[];
	/** Extra checks on update only (immutable fields). */
	validateUpdate?(obj: T, old: T): FieldError[];
	/** Seconds of graceful deletion (0: remove at once). */
	gracePeriod?(obj: T, ctx: DeletionContext): number;
	/** The storage's own refusal of a delete (system priority classes); undefined to allow it. */
	refuseDelete?(obj: T): StatusError | undefined;
	/** Finalizers besides metadata.finalizers that hold a deleted object (a namespace's spec.finalizers). */
	finalizers?(obj: T): readonly string[];
	/** What marking the object for deletion changes besides deletionTimestamp (a namespace goes Terminating). */
	markDeleting?(obj: T): void;

	/** Allocators of the kind (Service ClusterIPs and NodePorts), one set per API server. */
	allocator?(ctx: AllocatorContext): Allocator<T>;

	/** Field selectors beyond metadata.name and metadata.namespace. */
	fieldSelectors?: Record<string, (obj: T) => string | undefined>;
	/** Objects expire `--event-ttl` after their last write, as the apiserver stores Events with an etcd lease. */
	ttl?: boolean;
	/** A field selector the watch cache indexes on, so thousands of filtered watchers stay cheap (pods: spec.nodeName). */
	watchIndex?: string;
	subresources?: Subresources<T>;

	/** kubectl's columns, in order, NAME first (the printer adds NAMESPACE when listing every namespace). */
	columns: ReadonlyArray<PrinterColumn<T>>;
	/** The kind's own part of `kubectl describe`, after the common metadata lines. */
	describe?(obj: T, ctx: PrintContext): DescribeLine[];
}

/** The name the rest of the code has used for a descriptor. */
export type ResourceType<T extends KubeObject = any> = ResourceDescriptor<T>;

export function apiVersionOf(type: ResourceDescriptor): string {
	return type.group ? `${type.group}/${type.version}` : type.version;
}

/** Whether status is written only through the status subresource. */
export const hasStatus = (type: ResourceDescriptor) => type.subresources?.status !== undefined;

export const statusSubresource: StatusSubresource = {status: true};
