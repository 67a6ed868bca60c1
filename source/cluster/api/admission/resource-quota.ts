// ResourceQuota (apiserver admission/plugin/resourcequota): a create in a namespace with quotas is refused if it
// would take any quota over its hard limit, or if the quota's status is not computed yet; when the create goes
// through, its usage is charged to the quota's status at once, as upstream updates the quota in the same request, so
// two pods in one tick cannot both slip under the limit. The quota controller recomputes usage as objects go.
import type {KubeObject, Pod, ResourceQuota} from '../../objects/types.js';
import {forbidden} from '../errors.js';
import {requestName, type AdmissionAttributes, type AdmissionPlugin, type AdmissionReader} from './types.js';
import {formatQuotaValue, missingCompute, quotaValue, usageOf, type Usage} from './quota-usage.js';

function charges(attrs: AdmissionAttributes, cluster: AdmissionReader): Array<{quota: ResourceQuota; usage: Usage}> {
	if (attrs.operation !== 'CREATE' || attrs.subresource || !attrs.type.namespaced) return [];
	const out: Array<{quota: ResourceQuota; usage: Usage}> = [];
	for (const quota of cluster.list('resourcequotas', attrs.namespace) as ResourceQuota[]) {
		const usage = usageOf(attrs.type, attrs.object, quota);
		if (usage) out.push({quota, usage});
	}
	return out;
}

export const resourceQuotaPlugin: AdmissionPlugin = {
	name: 'ResourceQuota',
	validate(attrs, cluster) {
		for (const {quota, usage} of charges(attrs, cluster)) {
			const name = quota.metadata!.name!;
			const refuse = (why: string) => forbidden(attrs.type, requestName(attrs), why);
			if (attrs.type.resource === 'pods') {
				const missing = missingCompute(attrs.object as Pod, quota);
				if (missing.length) throw refuse(`failed quota: ${name}: must specify ${missing.join('; ')}`);
			}
			const hard = quota.status?.hard ?? {};
			const used = quota.status?.used ?? {};
			const over: string[] = [];
			for (const resource of Object.keys(usage).sort()) {
				if (hard[resource] === undefined || used[resource] === undefined) throw refuse(`status unknown for quota: ${name}, resource: ${resource}`);
				if (quotaValue(resource, used[resource]) + usage[resource]! > quotaValue(resource, hard[resource])) over.push(resource);
			}
			if (over.length) {
				const list = (f: (r: string) => string) => over.map(r => `${r}=${f(r)}`).join(',');
				throw refuse(`exceeded quota: ${name}, requested: ${list(r => formatQuotaValue(r, usage[r]!))}, used: ${list(r => String(used[r]))}, limited: ${list(r => String(hard[r]))}`);
			}
		}
	},
	committed(attrs, cluster) {
		for (const {quota, usage} of charges(attrs, cluster)) {
			const used = {...(quota.status?.used ?? {})};
			for (const [resource, value] of Object.entries(usage)) used[resource] = formatQuotaValue(resource, quotaValue(resource, used[resource]) + value);
			cluster.updateStatus('resourcequotas', {...quota, status: {...quota.status, used}} as KubeObject, `charge ${attrs.type.resource}/${attrs.name}`);
		}
	},
};
