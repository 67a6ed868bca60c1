// What Deployments and ReplicaSets share: replicas, selector, pod template.
import type {LabelSelector, PodTemplateSpec} from '../../objects/types.js';
import type {FieldError} from '../errors.js';
import type {Subresource} from '../resource.js';
import {badRequest, invalid} from '../errors.js';
import type {KubeObject, ObjectMeta} from '../../objects/types.js';
import {formatSelector} from './selector-text.js';
import {deepEqual} from '../../objects/clone.js';
import {fromLabelSelector} from '../../objects/labels.js';
import {labelErrors, nonNegative} from '../validation.js';
import {defaultPodSpec, podSpecErrors} from './pod-spec.js';

interface WorkloadSpec {
	replicas?: number;
	selector?: LabelSelector;
	template?: PodTemplateSpec;
	minReadySeconds?: number;
}

export function defaultWorkload(spec: WorkloadSpec | undefined): void {
	if (!spec) return;
	spec.replicas ??= 1;
	if (spec.template?.spec) defaultPodSpec(spec.template.spec);
}

export function workloadErrors(spec: WorkloadSpec | undefined): FieldError[] {
	if (!spec) return [{type: 'Required', field: 'spec'}];
	const errors: FieldError[] = [];
	errors.push(...nonNegative(spec.replicas, 'spec.replicas'));
	errors.push(...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'));
	const selector = spec.selector;
	if (!selector) errors.push({type: 'Required', field: 'spec.selector'});
	else if (Object.keys(selector.matchLabels ?? {}).length === 0 && (selector.matchExpressions ?? []).length === 0) {
		errors.push({type: 'Invalid', field: 'spec.selector', value: selector, detail: 'empty selector is invalid for deployment'});
	}
	const labels = spec.template?.metadata?.labels;
	errors.push(...labelErrors(labels, 'spec.template.metadata.labels'));
	if (selector && labels !== undefined && !fromLabelSelector(selector).matches(labels)) {
		errors.push({type: 'Invalid', field: 'spec.template.metadata.labels', value: labels, detail: '`selector` does not match template `labels`'});
	} else if (selector && labels === undefined) {
		errors.push({type: 'Invalid', field: 'spec.template.metadata.labels', value: {}, detail: '`selector` does not match template `labels`'});
	}
	errors.push(...podSpecErrors(spec.template?.spec, 'spec.template.spec', ['Always']));
	return errors;
}

export function selectorImmutable(selector: LabelSelector | undefined, old: LabelSelector | undefined): FieldError[] {
	return deepEqual(selector, old) ? [] : [{type: 'Invalid', field: 'spec.selector', value: selector, detail: 'field is immutable'}];
}

/** An autoscaling/v1 Scale: what the scale subresource reads and writes. */
export interface Scale {
	apiVersion: 'autoscaling/v1';
	kind: 'Scale';
	metadata: ObjectMeta;
	spec: {replicas: number};
	status: {replicas: number; selector: string};
}

/** The scale subresource of a workload with spec.replicas, status.replicas and spec.selector. */
export function workloadScale<T extends KubeObject & {spec?: WorkloadSpec; status?: {replicas?: number}}>(): Subresource<T, {replicas: number}, Scale> {
	return {
		verb: 'update',
		get(obj) {
			const meta = obj.metadata!;
			return {
				apiVersion: 'autoscaling/v1', kind: 'Scale',
				metadata: {name: meta.name, namespace: meta.namespace, uid: meta.uid, resourceVersion: meta.resourceVersion, creationTimestamp: meta.creationTimestamp},
				spec: {replicas: obj.spec?.replicas ?? 0},
				status: {replicas: obj.status?.replicas ?? 0, selector: formatSelector(obj.spec?.selector)},
			};
		},
		write(obj, {replicas}) {
			// The Scale body is decoded as the apiserver decodes it: spec.replicas is an int32.
			if (typeof replicas === 'number' && Number.isInteger(replicas) && Math.abs(replicas) > 2 ** 31 - 1) {
				throw badRequest(`Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal number ${replicas} into Go struct field ScaleSpec.spec.replicas of type int32`, 'spec.replicas');
			}
			if (!Number.isInteger(replicas) || replicas < 0) {
				throw invalid('Scale', 'autoscaling', obj.metadata?.name ?? '', [{type: 'Invalid', field: 'spec.replicas', value: replicas, detail: Number.isInteger(replicas) ? 'must be greater than or equal to 0' : 'must be an integer'}]);
			}
			return {...obj, spec: {...obj.spec!, replicas}};
		},
	};
}
