import test from 'ava';
import {createCluster, readManifests, summarizePod, type Pod} from '../../source/cluster/index.js';

test('the Deployment example from the Kubernetes docs loads unchanged and runs', t => {
	const cluster = createCluster();
	cluster.kubectl.apply([...readManifests('fixtures/default.yaml'), ...readManifests('fixtures/examples/nginx-deployment.yaml')]);
	cluster.step(15);
	const pods = cluster.client.list<Pod>('pods', {labelSelector: 'app=nginx'}).items;
	t.is(pods.length, 3);
	t.true(pods.every(p => summarizePod(p).status === 'Running'), pods.map(p => summarizePod(p).status).join(','));
	t.true(pods.every(p => p.metadata!.name!.startsWith('nginx-deployment-')));
});

test('the example fixtures with errors fail with file, line and column', t => {
	t.throws(() => readManifests('fixtures/examples/bad-yaml.yaml'), {message: /^fixtures\/examples\/bad-yaml\.yaml:6:1: /});
	const cluster = createCluster();
	t.throws(() => cluster.kubectl.apply(readManifests('fixtures/examples/invalid-deployment.yaml')), {
		message: 'fixtures/examples/invalid-deployment.yaml:12:13: Deployment.apps "cart" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0',
	});
	// All or nothing: the namespace in the same file was not created either.
	t.is(cluster.client.find('namespaces', 'shop'), undefined);
});
