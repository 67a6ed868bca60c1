// client-go's SharedInformerFactory: one informer (one cache, one watch) per resource and options, shared by every
// component that asks for it. The tick engine syncs each once per tick, before any component runs, so the
// one-hop-per-tick contract holds however many components share an informer.
import type {ApiClient} from '../api/index.js';
import type {KubeObject} from '../objects/types.js';
import type {InformerSync} from '../sim/interfaces.js';
import {Informer, type InformerOptions} from './informer.js';

export class SharedInformerFactory implements InformerSync {
	private readonly informers = new Map<string, {informer: Informer<any>; users: number}>();
	/** In creation order, so sync order (and so event order) is fixed. */
	private ordered: Informer<any>[] = [];

	/** `client` reads for every shared informer (list and watch are not traced; only writes are). */
	constructor(private readonly client: ApiClient) {}

	/** The shared informer for a resource (and selector options), made and started on first use. */
	informer<T extends KubeObject>(resource: string, options: InformerOptions = {}): Informer<T> {
		const key = `${resource}?${options.namespace ?? ''}&${options.labelSelector ?? ''}&${options.fieldSelector ?? ''}`;
		let entry = this.informers.get(key);
		if (!entry) {
			entry = {informer: new Informer<T>(this.client, resource, options).start(), users: 0};
			this.informers.set(key, entry);
			this.ordered.push(entry.informer);
		}
		entry.users++;
		return entry.informer as Informer<T>;
	}

	/** A user is done with an informer (a deleted node's kubelet); the last one stops it. */
	release(informer: Informer<any>): void {
		for (const [key, entry] of this.informers) {
			if (entry.informer !== informer || --entry.users > 0) continue;
			informer.stop();
			this.informers.delete(key);
			this.ordered = this.ordered.filter(i => i !== informer);
		}
	}

	syncAll(): number {
		let n = 0;
		for (const informer of this.ordered) n += informer.sync();
		return n;
	}

	/** How many informers (caches) there are: one per resource and selector, not one per component. */
	get size(): number {
		return this.ordered.length;
	}
}
