import test from 'ava';
import {createCluster, isStatusError, lookupResource, type Secret} from '../../source/cluster/index.js';
import {decodeBase64} from '../../source/cluster/objects/base64.js';
import {unmarshalObjectError} from '../../source/cluster/objects/go-json.js';

const secret = (name: string, fields: Partial<Secret> = {}): Secret => ({apiVersion: 'v1', kind: 'Secret', metadata: {name}, ...fields});
const b64 = (text: string) => Buffer.from(text).toString('base64');

function statusError(fn: () => unknown) {
	try {
		fn();
	} catch (error) {
		if (isStatusError(error)) return error;
		throw error;
	}
	throw new Error('expected a Status error');
}

test('stringData is merged into data as base64, overwrites data keys, and is never stored; type defaults to Opaque', t => {
	const cluster = createCluster();
	const created = cluster.client.create<Secret>('secrets', secret('db', {data: {user: b64('admin'), password: b64('old')}, stringData: {password: 's3cr3t', host: 'db.local'}}));
	const stored = cluster.client.get<Secret>('secrets', 'db');
	t.deepEqual(stored.data, {user: b64('admin'), password: b64('s3cr3t'), host: b64('db.local')});
	t.false('stringData' in stored);
	t.false('stringData' in created);
	t.is(stored.type, 'Opaque');
	// On update as well.
	const updated = cluster.client.update<Secret>('secrets', {...stored, stringData: {password: 'n3w'}});
	t.is(updated.data!.password, b64('n3w'));
	t.false('stringData' in cluster.client.get('secrets', 'db'));
});

test('data that is not base64 is refused while decoding with Go\'s offset', t => {
	const cluster = createCluster();
	const error = statusError(() => cluster.client.create('secrets', secret('bad', {data: {username: 'billy'}})));
	t.is(error.status.code, 400);
	t.is(error.reason, 'BadRequest');
	t.is(error.message, 'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4');
	t.is(statusError(() => cluster.client.create('secrets', secret('bad', {data: {password: 'pass word'}}))).message,
		'Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4');
	t.is(cluster.client.list('secrets').items.length, 0);
	// Line breaks are skipped and values come back in canonical form.
	t.is(cluster.client.create<Secret>('secrets', secret('wrapped', {data: {a: 'YWJj\nZA=='}})).data!.a, 'YWJjZA==');
});

test('Go base64 decoding: padding rules and error offsets', t => {
	t.deepEqual([...decodeBase64('YWJjZA==')], [...Buffer.from('abcd')]);
	t.deepEqual([...decodeBase64('')], []);
	t.throws(() => decodeBase64('YWJjZA='), {message: 'illegal base64 data at input byte 7'});
	t.throws(() => decodeBase64('YWJjZ==='), {message: 'illegal base64 data at input byte 5'});
	t.throws(() => decodeBase64('YWJj=A=='), {message: 'illegal base64 data at input byte 4'});
	t.throws(() => decodeBase64('YQ==YQ=='), {message: 'illegal base64 data at input byte 4'});
	t.throws(() => decodeBase64('${PASSWORD_B64}'), {message: 'illegal base64 data at input byte 0'});
});

test('built-in types require their keys (upstream field paths, quirks included)', t => {
	const cluster = createCluster();
	t.is(statusError(() => cluster.client.create('secrets', secret('tls', {type: 'kubernetes.io/tls', data: {'tls.crt': b64('cert')}}))).message,
		'Secret "tls" is invalid: data[tls.key]: Required value');
	t.is(statusError(() => cluster.client.create('secrets', secret('tls', {type: 'kubernetes.io/tls'}))).message,
		'Secret "tls" is invalid: [data[tls.crt]: Required value, data[tls.key]: Required value]');
	t.is(statusError(() => cluster.client.create('secrets', secret('pull', {type: 'kubernetes.io/dockerconfigjson'}))).message,
		'Secret "pull" is invalid: data[.dockerconfigjson]: Required value');
	t.is(statusError(() => cluster.client.create('secrets', secret('pull', {type: 'kubernetes.io/dockerconfigjson', stringData: {'.dockerconfigjson': '{"auths": oops}'}}))).message,
		'Secret "pull" is invalid: data[.dockerconfigjson]: Invalid value: "<secret contents redacted>": invalid character \'o\' looking for beginning of value');
	t.is(statusError(() => cluster.client.create('secrets', secret('basic', {type: 'kubernetes.io/basic-auth'}))).message,
		'Secret "basic" is invalid: [data[%s][username]: Required value, data[%s][password]: Required value]');
	t.is(statusError(() => cluster.client.create('secrets', secret('ssh', {type: 'kubernetes.io/ssh-auth', data: {'ssh-privatekey': ''}}))).message,
		'Secret "ssh" is invalid: data[%s][ssh-privatekey]: Required value');
	t.is(statusError(() => cluster.client.create('secrets', secret('token', {type: 'kubernetes.io/service-account-token'}))).message,
		'Secret "token" is invalid: metadata.annotations[kubernetes.io/service-account.name]: Required value');
	// With the keys, each is accepted.
	t.notThrows(() => cluster.client.create('secrets', secret('tls', {type: 'kubernetes.io/tls', stringData: {'tls.crt': 'c', 'tls.key': 'k'}})));
	t.notThrows(() => cluster.client.create('secrets', secret('pull', {type: 'kubernetes.io/dockerconfigjson', stringData: {'.dockerconfigjson': '{"auths":{}}'}})));
	t.notThrows(() => cluster.client.create('secrets', secret('basic', {type: 'kubernetes.io/basic-auth', stringData: {username: 'u'}})));
});

test('json.Unmarshal messages for docker configs', t => {
	t.is(unmarshalObjectError('{"auths":{}}'), undefined);
	t.is(unmarshalObjectError(''), 'unexpected end of JSON input');
	t.is(unmarshalObjectError('{"auths":'), 'unexpected end of JSON input');
	t.is(unmarshalObjectError('{auths}'), 'invalid character \'a\' looking for beginning of object key string');
	t.is(unmarshalObjectError('{"a" 1}'), 'invalid character \'1\' after object key');
	t.is(unmarshalObjectError('{"a":1 "b":2}'), 'invalid character \'"\' after object key:value pair');
	t.is(unmarshalObjectError('{"a":tru}'), 'invalid character \'}\' in literal true (expecting \'e\')');
	t.is(unmarshalObjectError('{} x'), 'invalid character \'x\' after top-level value');
	t.is(unmarshalObjectError('[1]'), 'json: cannot unmarshal array into Go value of type map[string]interface {}');
	t.is(unmarshalObjectError('"s"'), 'json: cannot unmarshal string into Go value of type map[string]interface {}');
});

test('type is immutable, and immutable: true freezes data', t => {
	const cluster = createCluster();
	const s = cluster.client.create<Secret>('secrets', secret('s', {stringData: {a: '1'}}));
	t.is(statusError(() => cluster.client.update('secrets', {...s, type: 'example.com/custom'})).message,
		'Secret "s" is invalid: type: Invalid value: "example.com/custom": field is immutable');
	const frozen = cluster.client.update<Secret>('secrets', {...s, immutable: true});
	t.is(statusError(() => cluster.client.update('secrets', {...frozen, stringData: {a: '2'}})).message,
		'Secret "s" is invalid: data: Forbidden: field is immutable when `immutable` is set');
	t.is(cluster.client.get<Secret>('secrets', 's').data!.a, b64('1'));
});

test('kubectl get secrets prints NAME TYPE DATA AGE; describe shows byte counts, not values', t => {
	const cluster = createCluster();
	const s = cluster.client.create<Secret>('secrets', secret('db', {stringData: {password: 's3cr3t', user: 'admin'}}));
	const type = lookupResource('secret')!;
	t.deepEqual(type.shortNames, []);
	const now = Date.parse(s.metadata!.creationTimestamp!) + 65_000;
	t.deepEqual(type.columns.map(c => [c.name, c.value(s, {now})]), [['NAME', 'db'], ['TYPE', 'Opaque'], ['DATA', '2'], ['AGE', '65s']]);
	t.deepEqual(type.describe!(s, {now}), [['Type', 'Opaque'], {title: 'Data', lines: ['password:  6 bytes', 'user:  5 bytes']}]);
	t.deepEqual(cluster.client.list('secrets', {fieldSelector: 'type=Opaque'}).items.map(x => x.metadata!.name), ['db']);
});
