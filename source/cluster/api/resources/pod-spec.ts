// Pod spec defaulting and validation, shared by pods and by the pod templates of workloads
// (pkg/apis/core/v1/defaults.go, pkg/apis/core/validation).
import type {PodSpec, Container} from '../../objects/types.js';
import type {FieldError} from '../errors.js';
import {dnsLabelErrors, quantityErrors, nonNegative} from '../validation.js';
import {parseQuantity} from '../../objects/quantity.js';

function defaultContainer(c: Container): void {
	if (!c.imagePullPolicy && c.image) {
		// An image without a tag or with :latest is pulled every time.
		const last = c.image.slice(c.image.lastIndexOf('/') + 1);
		const tagged = last.includes(':') || last.includes('@');
		c.imagePullPolicy = !tagged || last.endsWith(':latest') ? 'Always' : 'IfNotPresent';
	}
	c.terminationMessagePath ??= '/dev/termination-log';
	c.terminationMessagePolicy ??= 'File';
	// Limits without requests: requests default to the limits.
	if (c.resources?.limits) {
		const requests = {...(c.resources.requests ?? {})};
		for (const [name, value] of Object.entries(c.resources.limits)) requests[name] ??= value;
		c.resources = {...c.resources, requests};
	}
	c.resources ??= {};
}

export function defaultPodSpec(spec: PodSpec): void {
	const s = spec;
	s.restartPolicy ??= 'Always';
	s.terminationGracePeriodSeconds ??= 30;
	s.dnsPolicy ??= 'ClusterFirst';
	s.schedulerName ??= 'default-scheduler';
	s.securityContext ??= {};
	s.enableServiceLinks ??= true;
	for (const c of s.containers ?? []) defaultContainer(c);
	for (const c of s.initContainers ?? []) defaultContainer(c);
}

function containerErrors(containers: Container[] | undefined, field: string, names: Set<string>): FieldError[] {
	const errors: FieldError[] = [];
	(containers ?? []).forEach((c, i) => {
		const path = `${field}[${i}]`;
		if (!c.name) errors.push({type: 'Required', field: `${path}.name`});
		else {
			errors.push(...dnsLabelErrors(c.name, `${path}.name`));
			if (names.has(c.name)) errors.push({type: 'Duplicate', field: `${path}.name`, value: c.name});
			names.add(c.name);
		}
		if (!c.image) errors.push({type: 'Required', field: `${path}.image`});
		if (c.imagePullPolicy && !['Always', 'IfNotPresent', 'Never'].includes(c.imagePullPolicy)) {
			errors.push({type: 'NotSupported', field: `${path}.imagePullPolicy`, value: c.imagePullPolicy, supported: ['Always', 'IfNotPresent', 'Never']});
		}
		const requests = c.resources?.requests as Record<string, unknown> | undefined;
		const limits = c.resources?.limits as Record<string, unknown> | undefined;
		errors.push(...quantityErrors(requests, `${path}.resources.requests`));
		errors.push(...quantityErrors(limits, `${path}.resources.limits`));
		for (const [name, limit] of Object.entries(limits ?? {})) {
			const request = requests?.[name];
			const r = parseQuantity(request as string), l = parseQuantity(limit as string);
			if (r !== undefined && l !== undefined && r > l) {
				errors.push({type: 'Invalid', field: `${path}.resources.requests`, value: request, detail: `must be less than or equal to ${name} limit of ${limit}`});
			}
		}
	});
	return errors;
}

export function podSpecErrors(spec: PodSpec | undefined, field: string, allowedRestartPolicies = ['Always', 'OnFailure', 'Never']): FieldError[] {
	if (!spec) return [{type: 'Required', field}];
	const errors: FieldError[] = [];
	const names = new Set<string>();
	if (!spec.containers || spec.containers.length === 0) errors.push({type: 'Required', field: `${field}.containers`});
	errors.push(...containerErrors(spec.containers, `${field}.containers`, names));
	errors.push(...containerErrors(spec.initContainers, `${field}.initContainers`, names));
	if (spec.restartPolicy && !allowedRestartPolicies.includes(spec.restartPolicy)) {
		errors.push({type: 'NotSupported', field: `${field}.restartPolicy`, value: spec.restartPolicy, supported: allowedRestartPolicies});
	}
	errors.push(...nonNegative(spec.terminationGracePeriodSeconds, `${field}.terminationGracePeriodSeconds`));
	for (const [i, t] of (spec.tolerations ?? []).entries()) {
		if (t.operator === 'Exists' && t.value) errors.push({type: 'Invalid', field: `${field}.tolerations[${i}].operator`, value: t.value, detail: 'value must be empty when `operator` is \'Exists\''});
		if (t.effect && !['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(t.effect)) {
			errors.push({type: 'NotSupported', field: `${field}.tolerations[${i}].effect`, value: t.effect, supported: ['NoExecute', 'NoSchedule', 'PreferNoSchedule']});
		}
	}
	return errors;
}
