// One client's view of the API server: the same verbs, with the client's identity on every write.
import type {KubeObject} from '../objects/types.js';
import {StatusError} from './errors.js';
import type {ApiServer, DeleteOptions, ListOptions, ListResult, Scale, WatchEvent, WatchOptions, WriteOptions} from './server.js';
export class ApiClient {
	constructor(private readonly server: ApiServer, readonly identity: string) {}

	get<T extends KubeObject = KubeObject>(resource: string, name: string, namespace?: string): T {
		return this.server.get(resource, name, namespace) as T;
	}

	/** Like get, but undefined instead of a NotFound error. */
	find<T extends KubeObject = KubeObject>(resource: string, name: string, namespace?: string): T | undefined {
		try {
			return this.server.get(resource, name, namespace) as T;
		} catch (error) {
			if (error instanceof StatusError && error.reason === 'NotFound') return undefined;
			throw error;
		}
	}

	list<T extends KubeObject = KubeObject>(resource: string, options?: ListOptions): ListResult<T> {
		return this.server.list(resource, options) as ListResult<T>;
	}

	/** A handler that throws loses this watch (recorded in the trace under this client's identity); `onError` hears it. */
	watch<T extends KubeObject = KubeObject>(resource: string, options: WatchOptions, handler: (event: WatchEvent<T>) => void, onError?: (error: unknown) => void) {
		return this.server.watch(resource, options, handler as (event: WatchEvent) => void, error => {
			this.server.reportWatchError(this.identity, resource, error);
			onError?.(error);
		});
	}

	/** Record a failure of this client's own event handling (an informer's handler) in the trace. */
	reportWatchError(resource: string, error: unknown): void {
		this.server.reportWatchError(this.identity, resource, error);
	}

	create<T extends KubeObject = KubeObject>(resource: string, obj: T, options?: WriteOptions): T {
		return this.server.create(this.identity, resource, obj, options) as T;
	}

	update<T extends KubeObject = KubeObject>(resource: string, obj: T, options?: WriteOptions): T {
		return this.server.update(this.identity, resource, obj, options) as T;
	}

	updateStatus<T extends KubeObject = KubeObject>(resource: string, obj: T, options?: WriteOptions): T {
		return this.server.update(this.identity, resource, obj, {...options, subresource: 'status'}) as T;
	}

	patch<T extends KubeObject = KubeObject>(resource: string, name: string, patch: unknown, options?: WriteOptions & {subresource?: 'status'}): T {
		return this.server.patch(this.identity, resource, name, patch, options) as T;
	}

	delete<T extends KubeObject = KubeObject>(resource: string, name: string, options?: DeleteOptions): T {
		return this.server.delete(this.identity, resource, name, options) as T;
	}

	/** pods/binding: set a pod's node (the scheduler's write). */
	bind(namespace: string, name: string, nodeName: string, options?: WriteOptions): KubeObject {
		return this.server.writeSubresource(this.identity, 'pods', name, 'binding', {target: {name: nodeName}}, {...options, namespace});
	}

	/** pods/eviction (policy/v1 Eviction): delete the pod if its disruption budget allows; 429 if not. */
	evict(namespace: string, name: string, options: WriteOptions & {gracePeriodSeconds?: number} = {}): KubeObject {
		const {gracePeriodSeconds, ...write} = options;
		const body = {apiVersion: 'policy/v1', kind: 'Eviction', metadata: {name, namespace}, ...(gracePeriodSeconds !== undefined ? {deleteOptions: {gracePeriodSeconds}} : {})};
		return this.server.writeSubresource(this.identity, 'pods', name, 'eviction', body, {...write, namespace});
	}

	getSubresource<T extends KubeObject = KubeObject>(resource: string, name: string, subresource: string, namespace?: string): T {
		return this.server.getSubresource(resource, name, subresource, namespace) as T;
	}

	writeSubresource<T extends KubeObject = KubeObject>(resource: string, name: string, subresource: string, body: unknown, options?: WriteOptions & {resourceVersion?: string}): T {
		return this.server.writeSubresource(this.identity, resource, name, subresource, body, options) as T;
	}

	getScale(resource: string, name: string, namespace?: string): Scale {
		return this.getSubresource<Scale>(resource, name, 'scale', namespace);
	}

	/** Default and validate an object as create would, without writing it; throws the Invalid status. */
	validate(resource: string, obj: KubeObject, namespace?: string, planned?: readonly KubeObject[]): KubeObject {
		return this.server.validateNew(resource, obj, namespace, planned);
	}

	updateScale(resource: string, name: string, replicas: number, options?: WriteOptions & {resourceVersion?: string}): Scale {
		return this.writeSubresource<Scale>(resource, name, 'scale', {replicas}, options);
	}
}
