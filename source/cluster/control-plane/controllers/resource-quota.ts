// The resource quota controller (pkg/controller/resourcequota): keeps each ResourceQuota's status (hard, and used as
// the sum of what the namespace's objects use), recomputed when a quota changes or an object it counts comes or goes
// (replenishment): so a new quota gets its status on the next tick, and deleted or finished pods free their share.
import type {KubeObject, ResourceQuota} from '../../objects/types.js';
import {objectKey} from '../../objects/types.js';
import {Component, type ComponentContext} from '../../client/controller.js';
import type {Informer} from '../../client/informer.js';
import {isStatusError, resources, type ResourceType} from '../../api/index.js';
import {formatQuotaValue, usageOf} from '../../api/admission/quota-usage.js';
import {deepEqual} from '../../objects/clone.js';

const byNamespace = (obj: KubeObject) => (obj.metadata?.namespace ? [obj.metadata.namespace] : []);

export class ResourceQuotaController extends Component {
	private readonly quotas: Informer<ResourceQuota>;
	/** Every namespaced kind a quota may count (`count/<resource>`), Events excepted as upstream. */
	private readonly counted = new Map<ResourceType, Informer>();

	constructor(ctx: ComponentContext) {
		super('resourcequota-controller', 'system:serviceaccount:kube-system:resourcequota-controller', ctx, {component: 'resourcequota-controller'});
		this.quotas = this.informer<ResourceQuota>('resourcequotas');
		this.quotas.addIndex('namespace', byNamespace);
		this.on(this.quotas, {add: q => this.queue.add(objectKey(q)), update: (_, q) => this.queue.add(objectKey(q))});
		for (const type of resources) {
			if (!type.namespaced || type.resource === 'events') continue;
			const informer = this.informer(type.resource);
			informer.addIndex('namespace', byNamespace);
			const touch = (obj: KubeObject) => {
				for (const quota of this.quotas.byIndex('namespace', obj.metadata?.namespace ?? '')) this.queue.add(objectKey(quota));
			};
			this.on(informer, {add: touch, update: (_, obj) => touch(obj), delete: touch});
			this.counted.set(type, informer);
		}
	}

	protected sync(key: string): void {
		const quota = this.quotas.get(key);
		if (!quota || quota.metadata?.deletionTimestamp) return;
		const hard = {...(quota.spec?.hard ?? {})} as Record<string, string>;
		const totals: Record<string, number> = Object.fromEntries(Object.keys(hard).map(k => [k, 0]));
		for (const [type, informer] of this.counted) {
			for (const obj of informer.byIndex('namespace', quota.metadata!.namespace!)) {
				if (obj.metadata?.deletionTimestamp && type.resource !== 'pods') continue;
				for (const [name, value] of Object.entries(usageOf(type, obj, quota) ?? {})) totals[name] = (totals[name] ?? 0) + value;
			}
		}
		const used = Object.fromEntries(Object.keys(hard).sort().map(k => [k, formatQuotaValue(k, totals[k] ?? 0)]));
		const status = {hard, used};
		if (deepEqual(status, quota.status)) return;
		try {
			this.client.updateStatus('resourcequotas', {...quota, status}, {reason: `usage: ${Object.entries(used).map(([k, v]) => `${k}=${v}`).join(', ')}`});
		} catch (error) {
			// Charged by admission since our copy was read: look again next tick.
			if (isStatusError(error, 'Conflict')) this.queue.addAfter(key, 1);
			else throw error;
		}
	}
}
