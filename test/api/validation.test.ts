import test from 'ava';
import {createCluster, isStatusError, type Deployment, type Pod} from '../../source/cluster/index.js';
import {deploymentObject, podObject} from '../helpers/cluster.js';

function invalidError(fn: () => unknown) {
	try {
		fn();
	} catch (error) {
		if (isStatusError(error)) return error;
		throw error;
	}
	throw new Error('expected an error');
}

test('replicas -1 is 422 Invalid with the field path and upstream detail', t => {
	const cluster = createCluster();
	const d = deploymentObject('web', -1);
	const error = invalidError(() => cluster.client.create('deployments', d));
	t.is(error.status.code, 422);
	t.is(error.reason, 'Invalid');
	t.is(error.message, 'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0');
	t.deepEqual(error.status.details?.causes, [{reason: 'FieldValueInvalid', message: 'Invalid value: -1: must be greater than or equal to 0', field: 'spec.replicas'}]);
	t.is(cluster.client.list('deployments').items.length, 0);
});

test('a container without an image is Required', t => {
	const cluster = createCluster();
	const d = deploymentObject('web', 1);
	delete d.spec!.template!.spec!.containers[0]!.image;
	const error = invalidError(() => cluster.client.create('deployments', d));
	t.is(error.message, 'Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value');
	const pod = podObject('p');
	delete pod.spec!.containers[0]!.image;
	t.is(invalidError(() => cluster.client.create('pods', pod)).message, 'Pod "p" is invalid: spec.containers[0].image: Required value');
});

test('a selector that does not match the template labels is Invalid', t => {
	const cluster = createCluster();
	const d = deploymentObject('web', 1);
	d.spec!.template!.metadata!.labels = {app: 'other'};
	const error = invalidError(() => cluster.client.create('deployments', d));
	t.is(error.message, 'Deployment.apps "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"other"}: `selector` does not match template `labels`');
	t.is(error.status.details?.causes?.[0]?.field, 'spec.template.metadata.labels');
});

test('several errors are listed in [a, b] form, in field order', t => {
	const cluster = createCluster();
	const d = deploymentObject('web', -1);
	delete d.spec!.template!.spec!.containers[0]!.image;
	const error = invalidError(() => cluster.client.create('deployments', d));
	t.is(error.message, 'Deployment.apps "web" is invalid: [spec.replicas: Invalid value: -1: must be greater than or equal to 0, spec.template.spec.containers[0].image: Required value]');
	t.deepEqual(error.status.details?.causes?.map(c => c.field), ['spec.replicas', 'spec.template.spec.containers[0].image']);
});

test('names must be DNS subdomains and container names DNS labels', t => {
	const cluster = createCluster();
	const error = invalidError(() => cluster.client.create('pods', podObject('Bad_Name')));
	t.true(error.message.startsWith('Pod "Bad_Name" is invalid: metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of'), error.message);
	const noName = invalidError(() => cluster.client.create('pods', {...podObject(''), metadata: {}} as Pod));
	t.is(noName.message, 'Pod "" is invalid: metadata.name: Required value: name or generateName is required');
});

test('an unsupported restartPolicy on a deployment template is NotSupported', t => {
	const cluster = createCluster();
	const d = deploymentObject('web', 1);
	d.spec!.template!.spec!.restartPolicy = 'Never';
	const error = invalidError(() => cluster.client.create('deployments', d));
	t.is(error.message, 'Deployment.apps "web" is invalid: spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"');
});

test('maxSurge and maxUnavailable may not both be 0', t => {
	const cluster = createCluster();
	const error = invalidError(() => cluster.client.create('deployments', deploymentObject('web', 1, {maxSurge: 0, maxUnavailable: 0})));
	t.is(error.message, 'Deployment.apps "web" is invalid: spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0');
});

test('an update is validated too, and the selector is immutable', t => {
	const cluster = createCluster();
	const d = cluster.client.create<Deployment>('deployments', deploymentObject('web', 2));
	const negative = {...d, spec: {...d.spec!, replicas: -3}};
	t.is(invalidError(() => cluster.client.update('deployments', negative)).message,
		'Deployment.apps "web" is invalid: spec.replicas: Invalid value: -3: must be greater than or equal to 0');
	const relabelled: Deployment = {...d, spec: {
		...d.spec!, selector: {matchLabels: {app: 'web', tier: 'x'}},
		template: {...d.spec!.template!, metadata: {labels: {app: 'web', tier: 'x'}}},
	}};
	const immutable = invalidError(() => cluster.client.update('deployments', relabelled));
	t.true(immutable.message.includes('spec.selector: Invalid value: {"matchLabels":{"app":"web","tier":"x"}}: field is immutable'), immutable.message);
	t.is(cluster.client.get<Deployment>('deployments', 'web').spec!.replicas, 2);
});

test('validate() defaults and validates without writing', t => {
	const cluster = createCluster();
	const revision = cluster.api.revision;
	const checked = cluster.client.validate('deployments', deploymentObject('web', 2));
	t.is((checked as Deployment).spec!.revisionHistoryLimit, 10);
	t.is(cluster.api.revision, revision);
	t.is(cluster.client.find('deployments', 'web'), undefined);
	t.throws(() => cluster.client.validate('deployments', deploymentObject('web', -1)), {message: /spec\.replicas: Invalid value: -1/});
});
