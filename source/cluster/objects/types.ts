// Kubernetes object types, from kubernetes-types, plus the few generic shapes the simulator needs.
// kubernetes-types marks every field readonly; the simulator builds and edits private copies, so it uses
// mutable versions. Objects handed out by the API server are frozen at run time all the same.
import type * as meta from 'kubernetes-types/meta/v1.js';
import type * as core from 'kubernetes-types/core/v1.js';
import type * as apps from 'kubernetes-types/apps/v1.js';
import type * as scheduling from 'kubernetes-types/scheduling/v1.js';
import type * as coordination from 'kubernetes-types/coordination/v1.js';
import type * as policy from 'kubernetes-types/policy/v1.js';
import type * as discovery from 'kubernetes-types/discovery/v1.js';

export type Mutable<T> = T extends readonly (infer U)[] ? Mutable<U>[] : T extends object ? {-readonly [K in keyof T]: Mutable<T[K]>} : T;

export type ObjectMeta = Mutable<meta.ObjectMeta>;
export type OwnerReference = Mutable<meta.OwnerReference>;
export type LabelSelector = Mutable<meta.LabelSelector>;
export type Pod = Mutable<core.Pod>;
export type Node = Mutable<core.Node>;
export type Namespace = Mutable<core.Namespace>;
export type Event = Mutable<core.Event>;
export type Container = Mutable<core.Container>;
export type ContainerStatus = Mutable<core.ContainerStatus>;
export type PodSpec = Mutable<core.PodSpec>;
export type PodTemplateSpec = Mutable<core.PodTemplateSpec>;
export type PodCondition = Mutable<core.PodCondition>;
export type NodeCondition = Mutable<core.NodeCondition>;
export type Taint = Mutable<core.Taint>;
export type Toleration = Mutable<core.Toleration>;
export type Deployment = Mutable<apps.Deployment>;
export type ReplicaSet = Mutable<apps.ReplicaSet>;
export type NamespaceCondition = Mutable<core.NamespaceCondition>;
export type ConfigMap = Mutable<core.ConfigMap>;
export type Secret = Mutable<core.Secret>;
export type ServiceAccount = Mutable<core.ServiceAccount>;
export type Volume = Mutable<core.Volume>;
export type PriorityClass = Mutable<scheduling.PriorityClass>;
export type LimitRange = Mutable<core.LimitRange>;
export type LimitRangeItem = Mutable<core.LimitRangeItem>;
export type ResourceQuota = Mutable<core.ResourceQuota>;
export type Lease = Mutable<coordination.Lease>;
export type PodDisruptionBudget = Mutable<policy.PodDisruptionBudget>;
export type Eviction = Mutable<policy.Eviction>;
export type Service = Mutable<core.Service>;
export type ServicePort = Mutable<core.ServicePort>;
export type EndpointSlice = Mutable<discovery.EndpointSlice>;
export type Endpoint = Mutable<discovery.Endpoint>;
export type EndpointPort = Mutable<discovery.EndpointPort>;

/** v1.NamespaceTerminatingCause: the Status cause of a create refused because its namespace is going. */
export const namespaceTerminatingCause = 'NamespaceTerminating';

/** Any Kubernetes object: what the API server stores. */
export interface KubeObject {
	apiVersion?: string;
	kind?: string;
	metadata?: ObjectMeta;
	spec?: unknown;
	status?: unknown;
}

/** A Kubernetes List, as `kubectl get -o json` prints it. */
export interface KubeList<T extends KubeObject = KubeObject> {
	apiVersion: 'v1';
	kind: 'List';
	metadata: {resourceVersion: string};
	items: T[];
}

/** "namespace/name" (or "name" for cluster-scoped objects): the key controllers queue. */
export function objectKey(obj: {metadata?: ObjectMeta}): string {
	const meta = obj.metadata ?? {};
	return meta.namespace ? `${meta.namespace}/${meta.name}` : `${meta.name}`;
}

export function splitKey(key: string): {namespace?: string; name: string} {
	const slash = key.indexOf('/');
	return slash < 0 ? {name: key} : {namespace: key.slice(0, slash), name: key.slice(slash + 1)};
}
