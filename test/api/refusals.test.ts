// What the API refuses, as the real one does, before anything is stored: strict decoding (unknown fields, wrong
// types, int32 ranges), annotation size, watches from the future, bad revisions; nulls decode as Go's zero values.
import test from 'ava';
import {createCluster, isStatusError, type KubeObject} from '../../source/cluster/index.js';
import {Store} from '../../source/cluster/store/index.js';

const deployment = (spec: Record<string, unknown>, metadata: Record<string, unknown> = {}): KubeObject => ({
	apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web', ...metadata},
	spec: {
		selector: {matchLabels: {app: 'web'}},
		template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'nginx', image: 'nginx'}]}},
		...spec,
	},
});

function refusal(t: import('ava').ExecutionContext, make: () => unknown): {code: number; message: string; field?: string} {
	const error = t.throws(make);
	if (!isStatusError(error)) {
		t.fail(String(error));
		return {code: 0, message: ''};
	}
	return {code: error.status.code, message: error.status.message, field: error.status.details?.causes?.[0]?.field};
}

test('unknown fields are refused together, with upstream text and the path of the first', t => {
	const cluster = createCluster();
	const r = refusal(t, () => cluster.client.create('deployments', deployment({replica: 3, template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'nginx', image: 'nginx', imagePullPolcy: 'Always'}]}}})));
	t.is(r.code, 400);
	// In the order they appear in the document, as upstream's decoder lists them.
	t.is(r.message, 'Deployment in version "v1" cannot be handled as a Deployment: strict decoding error: unknown field "spec.template.spec.containers[0].imagePullPolcy", unknown field "spec.replica"');
	t.is(r.field, 'spec.template.spec.containers[0].imagePullPolcy');
	t.is(cluster.client.list('deployments').items.length, 0);
});

test('wrong types and int32 overflow give Go\'s json unmarshal errors', t => {
	const cluster = createCluster();
	t.is(refusal(t, () => cluster.client.create('deployments', deployment({replicas: 'three'}))).message,
		'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32');
	t.is(refusal(t, () => cluster.client.create('deployments', deployment({replicas: 99999999999}))).message,
		'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number 99999999999 into Go struct field DeploymentSpec.spec.replicas of type int32');
	t.is(refusal(t, () => cluster.client.create('deployments', {...deployment({}), spec: 5} as KubeObject)).message,
		'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field Deployment.spec of type v1.DeploymentSpec');
	t.is(refusal(t, () => cluster.client.create('deployments', deployment({}, {labels: {version: 2}}))).message,
		'Deployment in version "v1" cannot be handled as a Deployment: json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string');
	// Quantities and int-or-string fields take numbers too.
	t.notThrows(() => cluster.client.validate('deployments', deployment({strategy: {rollingUpdate: {maxSurge: 1, maxUnavailable: '10%'}}, template: {metadata: {labels: {app: 'web'}}, spec: {containers: [{name: 'c', image: 'nginx', resources: {requests: {cpu: 1, memory: '1Gi'}}}]}}})));
});

test('the scale subresource refuses replicas beyond int32', t => {
	const cluster = createCluster();
	cluster.client.create('deployments', deployment({replicas: 1}));
	t.is(refusal(t, () => cluster.client.updateScale('deployments', 'web', 99999999999)).message,
		'Scale in version "v1" cannot be handled as a Scale: json: cannot unmarshal number 99999999999 into Go struct field ScaleSpec.spec.replicas of type int32');
	t.is(cluster.client.get<KubeObject & {spec: {replicas: number}}>('deployments', 'web').spec.replicas, 1);
});

test('nulls decode as zero values: a null spec or container is Required, never a crash', t => {
	const cluster = createCluster();
	const nullSpec = refusal(t, () => cluster.client.create('deployments', {...deployment({}), spec: null} as unknown as KubeObject));
	t.is(nullSpec.code, 422);
	t.regex(nullSpec.message, /spec: Required value/);
	const nullContainer = refusal(t, () => cluster.client.create('pods', {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'p'}, spec: {containers: [null]}} as unknown as KubeObject));
	t.regex(nullContainer.message, /spec\.containers\[0\]\.name: Required value/);
	t.is(refusal(t, () => cluster.client.create('pods', {apiVersion: 'v1', kind: 'Pod', metadata: null, spec: {containers: [{name: 'c', image: 'i'}]}} as unknown as KubeObject)).code, 422);
});

test('deep nesting in a free-form field is refused, not a stack overflow', t => {
	const cluster = createCluster();
	let deep: Record<string, unknown> = {};
	for (let i = 0; i < 5000; i++) deep = {a: deep};
	const event = {apiVersion: 'v1', kind: 'Event', metadata: {name: 'e'}, involvedObject: {kind: 'Pod', name: 'p'}, related: {}, series: {}, reason: 'x', note: deep} as unknown as KubeObject;
	const r = refusal(t, () => cluster.client.create('events', event));
	t.is(r.code, 400);
	t.notRegex(r.message, /Maximum call stack/);
});

test('annotations over 256 KiB are refused with upstream\'s message', t => {
	const cluster = createCluster();
	const r = refusal(t, () => cluster.client.create('deployments', deployment({}, {annotations: {big: 'x'.repeat(256 * 1024)}})));
	t.is(r.code, 422);
	t.is(r.message, 'Deployment.apps "web" is invalid: metadata.annotations: Too long: may not be more than 262144 bytes');
	t.notThrows(() => cluster.client.create('deployments', deployment({}, {annotations: {big: 'x'.repeat(1024)}})));
});

test('a watch from a resourceVersion in the future is a 504 Too large resource version, not older events', t => {
	const cluster = createCluster();
	const current = cluster.api.revision;
	const r = refusal(t, () => cluster.client.watch('pods', {resourceVersion: '99999999'}, () => {}));
	t.is(r.code, 504);
	t.is(r.message, `Too large resource version: 99999999, current: ${current}`);
	t.is(refusal(t, () => cluster.client.watch('pods', {resourceVersion: 'abc'}, () => {})).code, 400);
});

test('the store refuses revisions that are not whole numbers', t => {
	const store = new Store<number>();
	store.put('/a', 1);
	for (const bad of [Number.NaN, 1.5, Number.POSITIVE_INFINITY]) {
		t.throws(() => store.get('/a', {revision: bad}), {message: /invalid revision/});
		t.throws(() => store.watch('/', bad, () => {}), {message: /invalid revision/});
		t.throws(() => store.compact(bad), {message: /invalid revision/});
	}
});
