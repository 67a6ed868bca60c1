// Secret (pkg/registry/core/secret, ValidateSecret/ValidateSecretUpdate). stringData is write-only: the v1
// conversion merges it into data (base64) on every create and update, and it is never stored.
import type {Secret} from '../../objects/types.js';
import type {ResourceDescriptor} from '../resource.js';
import type {FieldError} from '../errors.js';
import {objectMetaErrors} from '../validation.js';
import {deepEqual} from '../../objects/clone.js';
import {encodeBase64} from '../../objects/base64.js';
import {unmarshalObjectError} from '../../objects/go-json.js';
import {ageColumn, keyCount, nameColumn} from './columns.js';
import {byteLength, decodeByteMap, immutableErrors, keyErrors, maxDataSize} from './data-maps.js';

const sorted = (map: Record<string, string> | undefined) => Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** The keys each built-in type requires (ValidateSecret's switch on secret.Type). */
function typeErrors(secret: Secret): FieldError[] {
	const data = secret.data ?? {};
	const required = (field: string): FieldError => ({type: 'Required', field});
	switch (secret.type) {
		case 'kubernetes.io/service-account-token':
			return secret.metadata?.annotations?.['kubernetes.io/service-account.name'] ? [] : [required('metadata.annotations[kubernetes.io/service-account.name]')];
		case 'kubernetes.io/dockercfg':
		case 'kubernetes.io/dockerconfigjson': {
			const key = secret.type === 'kubernetes.io/dockercfg' ? '.dockercfg' : '.dockerconfigjson';
			if (!(key in data)) return [required(`data[${key}]`)];
			const detail = unmarshalObjectError(Buffer.from(data[key]!, 'base64').toString('utf8'));
			return detail ? [{type: 'Invalid', field: `data[${key}]`, value: '<secret contents redacted>', detail}] : [];
		}
		case 'kubernetes.io/basic-auth':
			// Upstream builds these paths with field.NewPath("data[%s]"), so they print as data[%s][username].
			return 'username' in data || 'password' in data ? [] : [required('data[%s][username]'), required('data[%s][password]')];
		case 'kubernetes.io/ssh-auth':
			return data['ssh-privatekey'] ? [] : [required('data[%s][ssh-privatekey]')];
		case 'kubernetes.io/tls':
			return ['tls.crt', 'tls.key'].filter(key => !(key in data)).map(key => required(`data[${key}]`));
		default:
			return [];
	}
}

export const secrets = {
	group: '', version: 'v1', kind: 'Secret', resource: 'secrets', singular: 'secret', shortNames: [],
	namespaced: true, generation: false,
	defaults(secret) {
		// Decoding: data is []byte (base64 on the wire); stringData overwrites data keys and is dropped.
		const data = decodeByteMap('Secret', secret.data);
		const stringData = Object.entries(secret.stringData ?? {});
		if (data || stringData.length > 0) secret.data = data ?? {};
		for (const [key, value] of stringData) secret.data![key] = encodeBase64(Buffer.from(String(value), 'utf8'));
		delete secret.stringData;
		secret.type ||= 'Opaque';
	},
	validate(secret) {
		const errors: FieldError[] = objectMetaErrors(secret.metadata, 'subdomain');
		let total = 0;
		for (const [key, value] of sorted(secret.data)) {
			errors.push(...keyErrors(key, 'data'));
			total += byteLength(value);
		}
		if (total > maxDataSize) errors.push({type: 'TooLong', field: 'data', detail: `may not be more than ${maxDataSize} bytes`});
		return [...errors, ...typeErrors(secret)];
	},
	validateUpdate(secret, old) {
		const errors: FieldError[] = secret.type === old.type ? [] : [{type: 'Invalid', field: 'type', value: secret.type, detail: 'field is immutable'}];
		return [...errors, ...immutableErrors(secret, old, ['data'], deepEqual)];
	},
	fieldSelectors: {type: s => s.type ?? ''},
	columns: [
		nameColumn,
		{name: 'TYPE', value: s => s.type ?? '', min: 6, drop: 2},
		{name: 'DATA', type: 'integer', value: s => keyCount(s.data)},
		ageColumn,
	],
	describe: s => [
		['Type', s.type ?? ''],
		{title: 'Data', lines: sorted(s.data).map(([key, value]) => (key === 'token' && s.type === 'kubernetes.io/service-account-token'
			? `${key}:  ${Buffer.from(value, 'base64').toString('utf8')}`
			: `${key}:  ${byteLength(value)} bytes`))},
	],
} satisfies ResourceDescriptor<Secret>;
