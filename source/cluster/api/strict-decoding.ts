// The apiserver's strict decoding of a request body (k8s.io/apimachinery serializer with sigs.k8s.io/json strict
// options): every field must exist in the kind's schema and have its type. A wrong type is Go's json error
// (`json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32`); unknown fields
// are listed together (`strict decoding error: unknown field "spec.replica"`). As in Go, a null is the zero value:
// it is dropped here, so later code never meets one. The schema is generated (scripts/generate-schema.ts).
import {createRequire} from 'node:module';
import type {KubeObject} from '../objects/types.js';

interface Schema {
	kinds: Record<string, string>;
	types: Record<string, Record<string, string>>;
}

const schema = createRequire(import.meta.url)('./schema/types.json') as Schema;

/** Integer fields Kubernetes declares int64; every other integer field is int32. */
const int64Fields = new Set([
	'terminationGracePeriodSeconds', 'activeDeadlineSeconds', 'deletionGracePeriodSeconds', 'generation', 'observedGeneration',
	'tolerationSeconds', 'runAsUser', 'runAsGroup', 'fsGroup', 'supplementalGroups', 'expirationSeconds', 'startingDeadlineSeconds',
]);
const int32Max = 2 ** 31 - 1;
const maxDepth = 100;

export class DecodeError extends Error {
	/** Where, as a field path with indices (`spec.template.spec.containers[0].image`), for file:line:col. */
	constructor(message: string, readonly field: string) {
		super(message);
	}
}

/** Go's name for a JSON value's type in its unmarshal errors. */
function jsonType(value: unknown): string {
	if (Array.isArray(value)) return 'array';
	if (typeof value === 'boolean') return 'bool';
	return typeof value === 'object' ? 'object' : typeof value;
}

/** Go's name for a schema type: `v1.DeploymentSpec`, `[]v1.Container`, `map[string]string`, `int32`. */
function goType(encoded: string, field: string): string {
	if (encoded === 'number') return int64Fields.has(field) ? 'int64' : 'int32';
	if (encoded === 'boolean') return 'bool';
	if (encoded === 'quantity') return 'resource.Quantity';
	if (encoded === 'int-or-string') return 'intstr.IntOrString';
	if (encoded.startsWith('ref:')) return `${encoded.slice(4).split('/').at(-1)!.split('.')[0]}.${encoded.split('.').at(-1)}`;
	if (encoded.startsWith('array:')) return `[]${goType(encoded.slice(6), field)}`;
	if (encoded.startsWith('map:')) return `map[string]${goType(encoded.slice(4), field)}`;
	return encoded === 'any' ? 'interface {}' : encoded;
}

interface Walk {
	unknown: string[];
}

function mismatch(value: unknown, encoded: string, path: string, at: string, owner: string, field: string, what = jsonType(value)): never {
	throw new DecodeError(`json: cannot unmarshal ${what} into Go struct field ${owner}.${path} of type ${goType(encoded, field)}`, at);
}

/**
 * Check `value` against `encoded` at `path` (Go's dotted path, without indices, for its messages) and `at` (the path
 * with indices); returns the value with nulls dropped. Plain loops and no closures: this runs on every write.
 */
function check(value: unknown, encoded: string, path: string, at: string, owner: string, field: string, walk: Walk, depth: number): unknown {
	if (depth > maxDepth) throw new DecodeError(`json: exceeded max depth of ${maxDepth}`, at);
	switch (encoded) {
		case 'string': return typeof value === 'string' ? value : mismatch(value, encoded, path, at, owner, field);
		case 'boolean': return typeof value === 'boolean' ? value : mismatch(value, encoded, path, at, owner, field);
		case 'number':
			if (typeof value !== 'number') return mismatch(value, encoded, path, at, owner, field);
			if (!Number.isInteger(value) || Math.abs(value) > (int64Fields.has(field) ? Number.MAX_SAFE_INTEGER : int32Max)) {
				return mismatch(value, encoded, path, at, owner, field, `number ${value}`);
			}
			return value;
		case 'quantity':
			if (typeof value === 'string' || (typeof value === 'number' && Number.isFinite(value))) return value;
			return mismatch(value, encoded, path, at, owner, field);
		case 'int-or-string':
			if (typeof value === 'string') return value;
			if (typeof value === 'number' && Number.isInteger(value) && Math.abs(value) <= int32Max) return value;
			return mismatch(value, encoded, path, at, owner, field, typeof value === 'number' ? `number ${value}` : jsonType(value));
		case 'any': return checkDepth(value, at, depth);
	}
	if (encoded.startsWith('array:')) {
		if (!Array.isArray(value)) return mismatch(value, encoded, path, at, owner, field);
		const item = encoded.slice(6);
		const out = new Array(value.length);
		for (let i = 0; i < value.length; i++) {
			const v = value[i];
			out[i] = v === null || v === undefined ? zero(item)
				: typeof v !== 'object' && scalarFits(v, item, field) ? v : check(v, item, path, `${at}[${i}]`, owner, field, walk, depth + 1);
		}
		return out;
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) return mismatch(value, encoded, path, at, owner, field);
	if (encoded.startsWith('map:')) {
		const item = encoded.slice(4);
		const out: Record<string, unknown> = {};
		for (const k in value) {
			const v = (value as Record<string, unknown>)[k];
			if (v === null || v === undefined) continue;
			out[k] = typeof v !== 'object' && scalarFits(v, item, field) ? v : check(v, item, path, `${at}[${k}]`, owner, field, walk, depth + 1);
		}
		return out;
	}
	return object(value as Record<string, unknown>, encoded.slice(4), path, at, walk, depth + 1);
}

/** Whether a scalar already has the type `encoded` wants (the common case, checked without building paths). */
function scalarFits(v: unknown, encoded: string, field: string): boolean {
	switch (encoded) {
		case 'string': return typeof v === 'string';
		case 'boolean': return typeof v === 'boolean';
		case 'number': return typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= (int64Fields.has(field) ? Number.MAX_SAFE_INTEGER : int32Max);
		case 'quantity': return typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
		case 'int-or-string': return typeof v === 'string' || (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= int32Max);
		case 'any': return true;
		default: return false;
	}
}

/** Go's zero value for a null array element: an empty struct, an empty string. */
function zero(encoded: string): unknown {
	if (encoded.startsWith('ref:') || encoded.startsWith('map:')) return {};
	if (encoded === 'string' || encoded === 'quantity') return '';
	if (encoded === 'number' || encoded === 'int-or-string') return 0;
	if (encoded === 'boolean') return false;
	return null;
}

/** A free-form value (RawExtension, JSON): copied as is, but no deeper than Go's decoder would go. */
function checkDepth(value: unknown, at: string, depth: number): unknown {
	if (depth > maxDepth) throw new DecodeError(`json: exceeded max depth of ${maxDepth}`, at);
	if (Array.isArray(value)) return value.map(v => checkDepth(v, at, depth + 1));
	if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, checkDepth(v, at, depth + 1)]));
	return value;
}

function object(value: Record<string, unknown>, typeName: string, path: string, at: string, walk: Walk, depth: number): Record<string, unknown> {
	const fields = schema.types[typeName];
	if (!fields) return value;
	const owner = typeName.slice(typeName.lastIndexOf('.') + 1);
	const out: Record<string, unknown> = {};
	for (const key in value) {
		const v = value[key];
		const encoded = Object.hasOwn(fields, key) ? fields[key] : undefined;
		if (encoded === undefined) {
			walk.unknown.push(at ? `${at}.${key}` : key);
			continue;
		}
		if (v === null || v === undefined) continue;
		// Most fields are scalars of the right type: those need no paths built (they are for messages and nesting).
		out[key] = typeof v !== 'object' && scalarFits(v, encoded, key) ? v
			: check(v, encoded, path ? `${path}.${key}` : key, at ? `${at}.${key}` : key, owner, key, walk, depth);
	}
	return out;
}

/**
 * Decode an object of `apiVersion`/`kind` strictly into a private copy with nulls dropped; throws DecodeError with
 * the text after upstream's `Kind in version "v1" cannot be handled as a Kind: `. Undefined for kinds without a schema.
 */
export function strictDecode(apiVersion: string, kind: string, input: KubeObject): KubeObject | undefined {
	const typeName = schema.kinds[`${apiVersion}/${kind}`];
	if (!typeName) return undefined;
	const walk: Walk = {unknown: []};
	const decoded = object(input as Record<string, unknown>, typeName, '', '', walk, 0) as KubeObject;
	if (walk.unknown.length) throw new DecodeError(`strict decoding error: ${walk.unknown.map(f => `unknown field "${f}"`).join(', ')}`, walk.unknown[0]!);
	return decoded;
}
