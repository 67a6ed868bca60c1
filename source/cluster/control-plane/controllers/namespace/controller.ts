// The namespace controller (pkg/controller/namespace): a namespace marked for deletion is emptied by the
// deleter, then released. It waits a few seconds after each namespace event, as upstream does, so that every
// apiserver refuses new content before the cleanup starts.
import type {Namespace} from '../../../objects/types.js';
import {Component, type ComponentContext} from '../../../client/controller.js';
import type {Informer} from '../../../client/informer.js';
import {NamespacedResourcesDeleter} from './deleter.js';

/** namespaceDeletionGracePeriod: seconds between a namespace event and its processing. */
const namespaceDeletionGracePeriod = 5;

export class NamespaceController extends Component {
	private readonly namespaces: Informer<Namespace>;
	private readonly deleter: NamespacedResourcesDeleter;

	constructor(ctx: ComponentContext) {
		super('namespace-controller', 'system:serviceaccount:kube-system:namespace-controller', ctx, {component: 'namespace-controller'});
		this.deleter = new NamespacedResourcesDeleter(this.client, ctx.clock);
		this.namespaces = this.informer<Namespace>('namespaces');
		const enqueue = (ns: Namespace) => {
			if (ns.metadata?.deletionTimestamp) this.queue.addAfter(ns.metadata.name!, this.ticks(namespaceDeletionGracePeriod));
		};
		this.on(this.namespaces, {add: enqueue, update: (_, ns) => enqueue(ns)});
		this.namespaces.start();
	}

	private ticks(seconds: number): number {
		return Math.max(1, Math.ceil(seconds / this.ctx.clock.tickSeconds));
	}

	protected sync(name: string): void {
		const estimate = this.deleter.delete(name);
		// Content still going (pods terminating): look again after half the estimate, as upstream does.
		if (estimate > 0) this.queue.addAfter(name, this.ticks(Math.floor(estimate / 2) + 1));
	}
}
