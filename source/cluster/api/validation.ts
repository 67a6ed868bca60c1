// Shared validation: object metadata and names, with upstream messages (k8s.io/apimachinery/pkg/util/validation).
import type {ObjectMeta} from '../objects/types.js';
import type {FieldError} from './errors.js';
import {parseQuantity} from '../objects/quantity.js';

const dns1123Label = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const dns1123Subdomain = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const qualifiedName = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;
const labelValue = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;

export const labelMessage = `a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`;
export const subdomainMessage = `a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`;

export function dnsLabelErrors(value: string, field: string): FieldError[] {
	if (value.length > 63) return [{type: 'Invalid', field, value, detail: 'must be no more than 63 characters'}];
	return dns1123Label.test(value) ? [] : [{type: 'Invalid', field, value, detail: labelMessage}];
}

export function dnsSubdomainErrors(value: string, field: string): FieldError[] {
	if (value.length > 253) return [{type: 'Invalid', field, value, detail: 'must be no more than 253 characters'}];
	return dns1123Subdomain.test(value) ? [] : [{type: 'Invalid', field, value, detail: subdomainMessage}];
}

export function labelErrors(labels: Record<string, string> | undefined, field: string): FieldError[] {
	const errors: FieldError[] = [];
	for (const [key, value] of Object.entries(labels ?? {})) {
		const slash = key.lastIndexOf('/');
		const name = slash >= 0 ? key.slice(slash + 1) : key;
		const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
		if (!qualifiedName.test(name) || name.length > 63 || (prefix !== undefined && !dns1123Subdomain.test(prefix))) {
			errors.push({type: 'Invalid', field, value: key, detail: `name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`});
		}
		if (typeof value !== 'string' || value.length > 63 || !labelValue.test(value)) {
			errors.push({type: 'Invalid', field: `${field}`, value, detail: `a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`});
		}
	}
	return errors;
}

/** ValidateObjectMeta: name (label or subdomain rules), labels. */
export function objectMetaErrors(meta: ObjectMeta | undefined, nameRule: 'label' | 'subdomain'): FieldError[] {
	const errors: FieldError[] = [];
	const name = meta?.name;
	if (!name) errors.push({type: 'Required', field: 'metadata.name', detail: 'name or generateName is required'});
	else errors.push(...(nameRule === 'label' ? dnsLabelErrors : dnsSubdomainErrors)(name, 'metadata.name'));
	errors.push(...labelErrors(meta?.labels, 'metadata.labels'));
	errors.push(...annotationSizeErrors(meta?.annotations));
	return errors;
}

/** ValidateAnnotationsSize: keys and values together at most 256 KiB. */
export const totalAnnotationSizeLimitB = 256 * 1024;

function annotationSizeErrors(annotations: Record<string, string> | undefined): FieldError[] {
	let size = 0;
	for (const [k, v] of Object.entries(annotations ?? {})) size += Buffer.byteLength(k) + Buffer.byteLength(String(v));
	return size > totalAnnotationSizeLimitB
		? [{type: 'TooLong', field: 'metadata.annotations', detail: `may not be more than ${totalAnnotationSizeLimitB} bytes`}]
		: [];
}

export function nonNegative(value: unknown, field: string): FieldError[] {
	if (value === undefined) return [];
	if (typeof value !== 'number' || !Number.isInteger(value)) return [{type: 'Invalid', field, value, detail: 'must be an integer'}];
	return value < 0 ? [{type: 'Invalid', field, value, detail: 'must be greater than or equal to 0'}] : [];
}

export function quantityErrors(resources: Record<string, unknown> | undefined, field: string): FieldError[] {
	const errors: FieldError[] = [];
	for (const [name, value] of Object.entries(resources ?? {})) {
		const parsed = typeof value === 'string' || typeof value === 'number' ? parseQuantity(value) : undefined;
		if (parsed === undefined) {
			errors.push({type: 'Invalid', field: `${field}[${name}]`, value, detail: `quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`});
		} else if (parsed < 0) {
			errors.push({type: 'Invalid', field: `${field}[${name}]`, value, detail: 'must be greater than or equal to 0'});
		}
	}
	return errors;
}
