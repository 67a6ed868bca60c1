// The API server's allocators, one per kind that declares one (Service ClusterIPs and NodePorts), built on first use
// from what the store holds, so they always agree with the stored objects.
import type {Store} from '../store/index.js';
import type {KubeObject} from '../objects/types.js';
import type {Random} from '../sim/random.js';
import type {Allocator, ResourceType} from './resource.js';

export class Allocators {
	private readonly byResource = new Map<string, Allocator>();

	constructor(private readonly store: Store<KubeObject>, private readonly random: Random) {}

	/** The kind's allocator; undefined for kinds that allocate nothing. */
	for(type: ResourceType): Allocator | undefined {
		if (!type.allocator) return undefined;
		let allocator = this.byResource.get(type.resource);
		if (!allocator) {
			allocator = type.allocator({random: this.random}) as Allocator;
			for (const kv of this.store.range(`/registry/${type.resource}/`).kvs) allocator.restore(kv.value);
			this.byResource.set(type.resource, allocator);
		}
		return allocator;
	}
}
