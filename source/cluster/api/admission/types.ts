// Admission (k8s.io/apiserver/pkg/admission): after defaulting, mutating plugins may change a new or updated object;
// after the strategy's validation, validating plugins may refuse it. Each plugin is one file, run in upstream order.
import type {KubeObject} from '../../objects/types.js';
import type {ResourceDescriptor} from '../resource.js';

export type Operation = 'CREATE' | 'UPDATE' | 'DELETE';

export interface AdmissionAttributes {
	operation: Operation;
	type: ResourceDescriptor;
	/** Set for writes to a subresource (`status`, `binding`, `scale`). */
	subresource?: string;
	namespace?: string;
	name: string;
	/**
	 * The name was drawn from metadata.generateName. Upstream runs mutating admission before the name is
	 * generated, so refusals there name the prefix (`pods "web-7d9c-" is forbidden: ...`): see requestName.
	 */
	generatedName?: boolean;
	/** The object being written: a private copy mutating plugins may change (for DELETE, the stored object). */
	object: KubeObject;
	/** The stored object on UPDATE and DELETE. */
	oldObject?: KubeObject;
	/** Who asks: kubernetes-admin, system:kube-scheduler, ... */
	user: string;
	dryRun: boolean;
}

/** What a plugin may read of the cluster: the store as the apiserver's own informers see it, read only. */
export interface AdmissionReader {
	get(resource: string, name: string, namespace?: string): KubeObject | undefined;
	list(resource: string, namespace?: string): KubeObject[];
	/** Simulated time, RFC 3339. */
	timestamp(): string;
	/** utilrand.String(n) from the cluster's seeded generator (a dry run's plan draws none: `xxxxx`). */
	randomString(n: number): string;
	/** A status write the apiserver makes itself (ResourceQuota's charge), traced as system:apiserver. */
	updateStatus(resource: string, object: KubeObject, reason: string): void;
}

/** The name a mutating plugin's refusal quotes (admission.NewForbidden): the generateName prefix before generation. */
export function requestName(attrs: AdmissionAttributes): string {
	return attrs.generatedName ? attrs.object.metadata?.generateName ?? attrs.name : attrs.name;
}

export interface AdmissionPlugin {
	/** Upstream's plugin name: NamespaceLifecycle, LimitRanger, ... */
	name: string;
	/** Mutating: change attrs.object in place. Throw a Status error to refuse. */
	admit?(attrs: AdmissionAttributes, cluster: AdmissionReader): void;
	/** Validating: look, never change; throw a Status error to refuse. */
	validate?(attrs: AdmissionAttributes, cluster: AdmissionReader): void;
	/**
	 * After a write went through (dry runs excluded): what a plugin keeps in step with what it admitted
	 * (ResourceQuota charges usage here, as upstream updates the quota in the same request).
	 */
	committed?(attrs: AdmissionAttributes, cluster: AdmissionReader): void;
}
