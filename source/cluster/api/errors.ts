// API errors as the real API server returns them: a metav1.Status with code, reason and message.
// Field errors format like k8s.io/apimachinery/pkg/util/validation/field.

export type StatusReason =
	| 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Invalid' | 'BadRequest' | 'Forbidden'
	| 'MethodNotAllowed' | 'Gone' | 'Expired' | 'InternalError' | 'Timeout' | 'TooManyRequests';

export interface FieldError {
	type: 'Invalid' | 'Required' | 'NotSupported' | 'Duplicate' | 'Forbidden' | 'TooLong';
	field: string;
	value?: unknown;
	detail?: string;
	supported?: string[];
}

export interface Status {
	kind: 'Status';
	apiVersion: 'v1';
	status: 'Failure';
	message: string;
	reason: StatusReason;
	details?: {name?: string; group?: string; kind?: string; causes?: Array<{reason: string; message: string; field: string}>};
	code: number;
}

export class StatusError extends Error {
	constructor(readonly status: Status) {
		super(status.message);
		this.name = 'StatusError';
	}

	get code() {
		return this.status.code;
	}

	get reason() {
		return this.status.reason;
	}
}

export function isStatusError(error: unknown, reason?: StatusReason): error is StatusError {
	return error instanceof StatusError && (reason === undefined || error.reason === reason);
}

/** Group-qualified resource as errors print it: `pods`, `deployments.apps`. */
export interface GroupResource {
	group: string;
	resource: string;
}

const qualified = (gr: GroupResource) => (gr.group ? `${gr.resource}.${gr.group}` : gr.resource);

function failure(code: number, reason: StatusReason, message: string, details?: Status['details']): StatusError {
	return new StatusError({kind: 'Status', apiVersion: 'v1', status: 'Failure', message, reason, details, code});
}

export const notFound = (gr: GroupResource, name: string) =>
	failure(404, 'NotFound', `${qualified(gr)} "${name}" not found`, {name, group: gr.group, kind: gr.resource});

export const alreadyExists = (gr: GroupResource, name: string) =>
	failure(409, 'AlreadyExists', `${qualified(gr)} "${name}" already exists`, {name, group: gr.group, kind: gr.resource});

export const conflict = (gr: GroupResource, name: string, why: string) =>
	failure(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(gr)} "${name}": ${why}`, {name, group: gr.group, kind: gr.resource});

export const staleResourceVersion = 'the object has been modified; please apply your changes to the latest version and try again';

/** 400 BadRequest; `field` (a path like spec.replicas) lets a caller point at the place in a file. */
export const badRequest = (message: string, field?: string) =>
	failure(400, 'BadRequest', message, field ? {causes: [{reason: 'FieldValueInvalid', message, field}]} : undefined);

export const forbidden = (gr: GroupResource, name: string, why: string) =>
	failure(403, 'Forbidden', `${qualified(gr)} "${name}" is forbidden: ${why}`, {name, group: gr.group, kind: gr.resource});

export const methodNotSupported = (gr: GroupResource, verb: string) =>
	failure(405, 'MethodNotAllowed', `${verb} is not supported on resources of kind "${qualified(gr)}"`);

export const gone = (message: string) => failure(410, 'Expired', message);

/** 429 TooManyRequests with one cause (an eviction a disruption budget refuses). */
export const tooManyRequests = (message: string, cause?: {reason: string; message: string}) =>
	failure(429, 'TooManyRequests', message, cause ? {causes: [{...cause, field: ''}]} : undefined);

export const internalError = (message: string) => failure(500, 'InternalError', `Internal error occurred: ${message}`);

/** The watch cache's answer to a resourceVersion it has not reached (apiserver storage/errors.go). */
export const tooLargeResourceVersion = (requested: number, current: number) => failure(504, 'Timeout', `Too large resource version: ${requested}, current: ${current}`, {
	causes: [{reason: 'ResourceVersionTooLarge', message: 'Too large resource version', field: ''}],
});

/** A field error's value printed as Go's %#v prints it (`[]string{"10.96.0.10"}`), for values that are not JSON-like. */
export class GoLiteral {
	constructor(readonly text: string) {}
}

/** `[]string{"a", "b"}`, as Go prints a string slice with %#v. */
export const goStrings = (values: readonly string[]) => new GoLiteral(`[]string{${values.map(v => JSON.stringify(v)).join(', ')}}`);

/** Go's %v of a value inside a field error: strings quoted, others as JSON. */
function formatValue(value: unknown): string {
	if (value instanceof GoLiteral) return value.text;
	if (typeof value === 'string') return JSON.stringify(value);
	if (value === null || value === undefined) return 'null';
	if (typeof value === 'object') return JSON.stringify(value);
	return String(value);
}

export function formatFieldError(e: FieldError): string {
	switch (e.type) {
		case 'Invalid': return `${e.field}: Invalid value: ${formatValue(e.value)}${e.detail ? `: ${e.detail}` : ''}`;
		case 'Required': return `${e.field}: Required value${e.detail ? `: ${e.detail}` : ''}`;
		case 'NotSupported': return `${e.field}: Unsupported value: ${formatValue(e.value)}${e.supported ? `: supported values: ${e.supported.map(s => JSON.stringify(s)).join(', ')}` : ''}`;
		case 'Duplicate': return `${e.field}: Duplicate value: ${formatValue(e.value)}`;
		case 'Forbidden': return `${e.field}: Forbidden${e.detail ? `: ${e.detail}` : ''}`;
		case 'TooLong': return `${e.field}: Too long: ${e.detail ?? ''}`;
	}
}

/** 422 Invalid: `Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be ...`. */
export function invalid(kind: string, group: string, name: string, errors: FieldError[]): StatusError {
	const qualifiedKind = group ? `${kind}.${group}` : kind;
	const messages = errors.map(formatFieldError);
	const list = messages.length === 1 ? messages[0] : `[${messages.join(', ')}]`;
	return failure(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${list}`, {
		name, group, kind,
		causes: errors.map((e, i) => ({reason: `Field${e.type === 'NotSupported' ? 'ValueNotSupported' : 'Value' + e.type}`, message: messages[i]!.slice(e.field.length + 2), field: e.field})),
	});
}
