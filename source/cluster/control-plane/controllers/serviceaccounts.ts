// The serviceaccounts controller (pkg/controller/serviceaccount): every active namespace has a `default`
// ServiceAccount; a new namespace gets one, and a deleted one comes back.
import {namespaceTerminatingCause, type Namespace, type ServiceAccount} from '../../objects/types.js';
import {Component, type ComponentContext} from '../../client/controller.js';
import type {Informer} from '../../client/informer.js';
import {isStatusError} from '../../api/index.js';

/** DefaultServiceAccountsControllerOptions: the ServiceAccounts ensured in every namespace. */
const ensured = ['default'];

export class ServiceAccountsController extends Component {
	private readonly namespaces: Informer<Namespace>;
	private readonly serviceAccounts: Informer<ServiceAccount>;

	constructor(ctx: ComponentContext) {
		super('serviceaccount-controller', 'system:serviceaccount:kube-system:service-account-controller', ctx, {component: 'service-account-controller'});
		this.namespaces = this.informer<Namespace>('namespaces');
		this.serviceAccounts = this.informer<ServiceAccount>('serviceaccounts');
		const enqueue = (ns: Namespace) => this.queue.add(ns.metadata!.name!);
		this.on(this.namespaces, {add: enqueue, update: (_, ns) => enqueue(ns)});
		this.on(this.serviceAccounts, {delete: sa => this.queue.add(sa.metadata!.namespace!)});
		this.namespaces.start();
		this.serviceAccounts.start();
	}

	protected sync(namespace: string): void {
		const ns = this.namespaces.get(namespace);
		// Nothing is created in a namespace that is going (or gone).
		if (!ns || ns.status?.phase !== 'Active') return;
		for (const name of ensured) {
			if (this.serviceAccounts.get(`${namespace}/${name}`)) continue;
			try {
				this.client.create<ServiceAccount>('serviceaccounts', {apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name, namespace}}, {namespace, reason: `namespace ${namespace} has no ${name} service account`});
			} catch (error) {
				if (isStatusError(error, 'AlreadyExists')) continue;
				// The namespace started terminating after our cache saw it.
				if (isStatusError(error, 'Forbidden') && error.status.details?.causes?.some(c => c.reason === namespaceTerminatingCause)) continue;
				throw error;
			}
		}
	}
}
