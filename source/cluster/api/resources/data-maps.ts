// What ConfigMaps and Secrets share (pkg/apis/core/validation): key rules (IsConfigMapKey), the 1 MiB limit,
// []byte maps sent as base64, and the `immutable` field.
import type {FieldError} from '../errors.js';
import {badRequest} from '../errors.js';
import {decodeBase64, encodeBase64, CorruptInputError} from '../../objects/base64.js';

/** core.MaxSecretSize: the most bytes a ConfigMap's or Secret's data may hold. */
export const maxDataSize = 1024 * 1024;

const keyPattern = /^[-._a-zA-Z0-9]+$/;
const keyMessage = `a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')`;

/** validation.IsConfigMapKey, each message as an Invalid error on `field[key]`. */
export function keyErrors(key: string, field: string): FieldError[] {
	const messages: string[] = [];
	if (key.length > 253) messages.push('must be no more than 253 characters');
	if (!keyPattern.test(key)) messages.push(keyMessage);
	if (key === '.') messages.push(`must not be '.'`);
	else if (key === '..') messages.push(`must not be '..'`);
	else if (key.startsWith('..')) messages.push(`must not start with '..'`);
	return messages.map(detail => ({type: 'Invalid', field: `${field}[${key}]`, value: key, detail}));
}

/**
 * Decoding of a []byte map as the apiserver's JSON decoder does it: every value must be base64 (a bad one is a
 * 400, `Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4`), and values
 * are written back in canonical form. Returns the map with canonical values.
 */
export function decodeByteMap(kind: string, map: Record<string, unknown> | undefined): Record<string, string> | undefined {
	if (map === undefined || map === null) return undefined;
	const out: Record<string, string> = {};
	for (const [key, value] of Object.entries(map)) {
		try {
			out[key] = encodeBase64(decodeBase64(typeof value === 'string' ? value : String(value)));
		} catch (error) {
			if (error instanceof CorruptInputError) throw badRequest(`${kind} in version "v1" cannot be handled as a ${kind}: ${error.message}`);
			throw error;
		}
	}
	return out;
}

/** Bytes a base64 value stands for (values are canonical once decoded). */
export const byteLength = (base64: string) => Buffer.from(base64, 'base64').length;

/** Bytes of a string value as Go counts them (UTF-8). */
export const textLength = (text: string) => Buffer.byteLength(text, 'utf8');

/** ValidateConfigMapUpdate / ValidateSecretUpdate: once `immutable` is true, it and the data stay as they are. */
export function immutableErrors(obj: {immutable?: boolean} & Record<string, unknown>, old: {immutable?: boolean} & Record<string, unknown>, fields: string[], same: (a: unknown, b: unknown) => boolean): FieldError[] {
	if (old.immutable !== true) return [];
	const detail = 'field is immutable when `immutable` is set';
	const errors: FieldError[] = [];
	if (obj.immutable !== true) errors.push({type: 'Forbidden', field: 'immutable', detail});
	for (const field of fields) if (!same(obj[field], old[field])) errors.push({type: 'Forbidden', field, detail});
	return errors;
}
