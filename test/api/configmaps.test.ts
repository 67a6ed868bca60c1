import test from 'ava';
import {createCluster, isStatusError, lookupResource, type ConfigMap} from '../../source/cluster/index.js';

const configMap = (name: string, fields: Partial<ConfigMap> = {}): ConfigMap => ({apiVersion: 'v1', kind: 'ConfigMap', metadata: {name}, ...fields});

function statusError(fn: () => unknown) {
	try {
		fn();
	} catch (error) {
		if (isStatusError(error)) return error;
		throw error;
	}
	throw new Error('expected a Status error');
}

const type = lookupResource('cm')!;
const row = (obj: ConfigMap, now = Date.parse(obj.metadata!.creationTimestamp!) + 5000) =>
	Object.fromEntries(type.columns.map(c => [c.name, c.value(obj, {now})]));

test('a ConfigMap is served as configmaps/cm, and kubectl get prints NAME DATA AGE', t => {
	const cluster = createCluster();
	const cm = cluster.client.create<ConfigMap>('configmaps', configMap('app', {data: {'app.properties': 'color=blue\n', mode: 'fast'}, binaryData: {logo: 'iVBORw0K'}}));
	t.is(type.resource, 'configmaps');
	t.is(lookupResource('configmap'), type);
	t.is(cm.metadata!.namespace, 'default');
	t.deepEqual(cluster.client.get<ConfigMap>('configmaps', 'app').data, {'app.properties': 'color=blue\n', mode: 'fast'});
	t.deepEqual(row(cm), {NAME: 'app', DATA: '3', AGE: '5s'});
	t.deepEqual(type.describe!(cm, {now: 0}), [
		{title: 'Data', lines: ['app.properties:', '----', 'color=blue\n', '', 'mode:', '----', 'fast', '']},
		{title: 'BinaryData', lines: ['logo: 6 bytes']},
	]);
});

test('keys must be config keys, not in both data and binaryData (upstream messages)', t => {
	const cluster = createCluster();
	const error = statusError(() => cluster.client.create('configmaps', configMap('bad', {data: {'a b': 'x', '..secret': 'y', both: 'z'}, binaryData: {both: 'eA=='}})));
	t.is(error.status.code, 422);
	t.is(error.message, 'ConfigMap "bad" is invalid: ['
		+ `data[..secret]: Invalid value: "..secret": must not start with '..', `
		+ `data[a b]: Invalid value: "a b": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+'), `
		+ 'data[both]: Invalid value: "both": duplicate of key present in binaryData]');
	t.is(cluster.client.list('configmaps').items.length, 0);
});

test('binaryData must be base64: refused while decoding, as a 400', t => {
	const cluster = createCluster();
	const error = statusError(() => cluster.client.create('configmaps', configMap('bin', {binaryData: {logo: 'billy'}})));
	t.is(error.status.code, 400);
	t.is(error.message, 'ConfigMap in version "v1" cannot be handled as a ConfigMap: illegal base64 data at input byte 4');
});

test('more than 1 MiB of data is TooLong on the whole object', t => {
	const cluster = createCluster();
	const error = statusError(() => cluster.client.create('configmaps', configMap('big', {data: {a: 'x'.repeat(600_000), b: 'y'.repeat(600_000)}})));
	t.is(error.message, 'ConfigMap "big" is invalid: []: Too long: may not be more than 1048576 bytes');
	t.notThrows(() => cluster.client.create('configmaps', configMap('fits', {data: {a: 'x'.repeat(1_048_576)}})));
});

test('immutable: true freezes data and binaryData, and itself; metadata may still change', t => {
	const cluster = createCluster();
	const cm = cluster.client.create<ConfigMap>('configmaps', configMap('frozen', {data: {a: '1'}, immutable: true}));
	const error = statusError(() => cluster.client.update('configmaps', {...cm, data: {a: '2'}, binaryData: {b: 'eA=='}, immutable: false}));
	t.is(error.message, 'ConfigMap "frozen" is invalid: ['
		+ 'immutable: Forbidden: field is immutable when `immutable` is set, '
		+ 'data: Forbidden: field is immutable when `immutable` is set, '
		+ 'binaryData: Forbidden: field is immutable when `immutable` is set]');
	const labelled = cluster.client.update<ConfigMap>('configmaps', {...cm, metadata: {...cm.metadata, labels: {tier: 'web'}}});
	t.deepEqual(labelled.metadata!.labels, {tier: 'web'});
	// A mutable ConfigMap may change, and may become immutable.
	const open = cluster.client.create<ConfigMap>('configmaps', configMap('open', {data: {a: '1'}}));
	t.deepEqual(cluster.client.update<ConfigMap>('configmaps', {...open, data: {a: '2'}, immutable: true}).data, {a: '2'});
});
