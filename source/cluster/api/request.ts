// The options and results of the API's verbs: what a client asks with, shared by the server and its clients.

export interface ListOptions {
	namespace?: string;
	labelSelector?: string;
	fieldSelector?: string;
	limit?: number;
	continue?: string;
}

export interface ListResult<T> {
	items: T[];
	resourceVersion: string;
	continue?: string;
}

export interface WatchOptions {
	namespace?: string;
	labelSelector?: string;
	fieldSelector?: string;
	/** Deliver changes after this resourceVersion (from a list). Default: only future changes. */
	resourceVersion?: string;
}

export interface WriteOptions {
	namespace?: string;
	/** One line for the trace: why this client made this write. */
	reason?: string;
	/** Default, validate and return the object without storing it. */
	dryRun?: boolean;
}

export interface DeleteOptions extends WriteOptions {
	gracePeriodSeconds?: number;
	preconditions?: {uid?: string; resourceVersion?: string};
	/** Background (the default: the garbage collector deletes dependents after), Foreground (the owner waits for its
	 * blocking dependents, with the foregroundDeletion finalizer), Orphan (dependents lose the ownerReference). */
	propagationPolicy?: 'Background' | 'Foreground' | 'Orphan';
}
