import test from 'ava';
import {CommandError, createCluster, type Cluster, type Deployment, type Node, type Pod} from '../../source/cluster/index.js';
import {clusterWith, deploymentObject, nodeObject, podObject} from '../helpers/cluster.js';

function withWeb(): Cluster {
	const cluster = clusterWith([nodeObject('worker-1'), nodeObject('worker-2')]);
	cluster.client.create('deployments', deploymentObject('web', 3));
	return cluster;
}

const failure = (cluster: Cluster, command: string): string => {
	try {
		cluster.run(command);
	} catch (error) {
		if (error instanceof CommandError) return error.message;
		throw error;
	}
	throw new Error(`expected "${command}" to fail`);
};

test('scale: deployment/NAME and TYPE NAME forms, with -n, all print "deployment.apps/web scaled"', t => {
	const cluster = withWeb();
	t.is(cluster.run('scale deployment/web --replicas=5').message, 'deployment.apps/web scaled');
	t.is(cluster.client.get<Deployment>('deployments', 'web').spec!.replicas, 5);
	t.is(cluster.run('scale deploy web --replicas 2 -n default').message, 'deployment.apps/web scaled');
	t.is(cluster.client.get<Deployment>('deployments', 'web').spec!.replicas, 2);
	t.is(cluster.run('kubectl scale deployments.apps/web --replicas=4 --namespace=default').message, 'deployment.apps/web scaled');
	t.is(cluster.client.get<Deployment>('deployments', 'web').spec!.replicas, 4);
	const entry = cluster.trace.list().at(-1)!;
	t.like(entry, {component: 'kubernetes-admin', verb: 'update', resource: 'deployments/scale', name: 'web', reason: 'kubectl scale --replicas=4'});
});

test('scale in another namespace', t => {
	const cluster = createCluster();
	cluster.client.create('namespaces', {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team'}});
	cluster.client.create('deployments', deploymentObject('api', 1, {namespace: 'team'}));
	t.is(failure(cluster, 'scale deployment/api --replicas=3'), 'Error from server (NotFound): deployments.apps "api" not found');
	t.is(cluster.run('scale deployment/api --replicas=3 -n team').message, 'deployment.apps/api scaled');
	t.is(cluster.client.get<Deployment>('deployments', 'api', 'team').spec!.replicas, 3);
});

test('scale errors: bad or missing --replicas, negative replicas, unscalable resources', t => {
	const cluster = withWeb();
	t.is(failure(cluster, 'scale deployment/web --replicas=abc'), 'error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax');
	t.is(failure(cluster, 'scale deployment/web'), 'error: required flag(s) "replicas" not set');
	// (Upstream kubectl refuses this client-side; either way it fails, names replicas and changes nothing.)
	t.regex(failure(cluster, 'scale deployment/web --replicas=-1'), /replicas.*greater than or equal to 0/i);
	t.regex(failure(cluster, 'scale pod/x --replicas=1'), /^error: cannot scale pods/);
	t.is(cluster.client.get<Deployment>('deployments', 'web').spec!.replicas, 3);
});

test('errors: unknown verb, unknown resource type, missing name, missing object, bad flag, empty line', t => {
	const cluster = withWeb();
	t.regex(failure(cluster, 'frobnicate deployment/web'), /^error: unknown command "frobnicate" for "kubectl"/);
	t.is(failure(cluster, 'scale widgets/web --replicas=1'), 'error: the server doesn\'t have a resource type "widgets"');
	t.is(failure(cluster, 'scale deployment --replicas=1'), 'error: resource(s) were provided, but no name was specified');
	t.is(failure(cluster, 'delete pod'), 'error: resource(s) were provided, but no name was specified');
	t.is(failure(cluster, 'scale deployment/nope --replicas=1'), 'Error from server (NotFound): deployments.apps "nope" not found');
	t.is(failure(cluster, 'delete pod/nope'), 'Error from server (NotFound): pods "nope" not found');
	t.is(failure(cluster, 'delete deployment nope'), 'Error from server (NotFound): deployments.apps "nope" not found');
	t.regex(failure(cluster, 'scale deployment/web --replicas=1 --bogus'), /^error: .*bogus/);
	t.regex(failure(cluster, '   '), /^error: no command given/);
	t.is(failure(cluster, 'cordon'), 'error: USAGE: cordon NODE [flags]');
	t.is(failure(cluster, 'cordon nope'), 'Error from server (NotFound): nodes "nope" not found');
});

test('delete pod/NAME prints pod "NAME" deleted and starts graceful deletion', t => {
	const cluster = withWeb();
	cluster.step(4);
	const pod = cluster.client.list<Pod>('pods').items.find(p => p.spec!.nodeName)!;
	const name = pod.metadata!.name!;
	t.is(cluster.run(`delete pod/${name}`).message, `pod "${name}" deleted`);
	const marked = cluster.client.get<Pod>('pods', name);
	t.is(marked.metadata!.deletionGracePeriodSeconds, 30);
	t.like(cluster.trace.list().at(-1)!, {component: 'kubernetes-admin', verb: 'delete', resource: 'pods', name, reason: 'kubectl delete'});
});

test('delete --grace-period and --force', t => {
	const cluster = createCluster();
	for (const name of ['a', 'b', 'c']) {
		cluster.client.create('pods', podObject(name));
		cluster.client.bind('default', name, 'somewhere');
	}
	t.is(cluster.run('delete pod a --grace-period=5').message, 'pod "a" deleted');
	t.is(cluster.client.get<Pod>('pods', 'a').metadata!.deletionGracePeriodSeconds, 5);
	// kubectl turns --grace-period=0 without --force into 1 second.
	cluster.run('delete pod/b --grace-period=0');
	t.is(cluster.client.get<Pod>('pods', 'b').metadata!.deletionGracePeriodSeconds, 1);
	cluster.run('delete pod/c --grace-period=0 --force');
	t.is(cluster.client.find('pods', 'c'), undefined);
	t.is(failure(cluster, 'delete pod/a --grace-period=soon'), 'error: invalid argument "soon" for "--grace-period" flag');
});

test('delete deployment prints the group-qualified name', t => {
	const cluster = withWeb();
	t.is(cluster.run('delete deployment/web').message, 'deployment.apps "web" deleted');
	t.is(cluster.client.find('deployments', 'web'), undefined);
});

test('cordon and uncordon, and their "already" forms', t => {
	const cluster = withWeb();
	t.is(cluster.run('cordon worker-1').message, 'node/worker-1 cordoned');
	t.true(cluster.client.get<Node>('nodes', 'worker-1').spec!.unschedulable);
	t.is(cluster.run('cordon node/worker-1').message, 'node/worker-1 already cordoned');
	t.is(cluster.run('uncordon worker-1').message, 'node/worker-1 uncordoned');
	t.is(cluster.client.get<Node>('nodes', 'worker-1').spec!.unschedulable, undefined);
	t.is(cluster.run('uncordon nodes/worker-1').message, 'node/worker-1 already uncordoned');
	t.like(cluster.trace.list().filter(e => e.component === 'kubernetes-admin').at(-1)!, {resource: 'nodes', name: 'worker-1', reason: 'kubectl uncordon'});
});

test('quoting: arguments in quotes stay one word; an unterminated quote is an error', t => {
	const cluster = withWeb();
	t.is(cluster.run('scale "deployment/web" \'--replicas=2\'').message, 'deployment.apps/web scaled');
	t.throws(() => cluster.run('scale "deployment/web --replicas=2'), {message: /unterminated " quote/});
	t.is(cluster.client.get<Deployment>('deployments', 'web').spec!.replicas, 2);
});

test('a failed command leaves the cluster as it was', t => {
	const cluster = withWeb();
	const revision = cluster.api.revision;
	failure(cluster, 'scale deployment/web --replicas=-5');
	failure(cluster, 'delete pod/nope');
	failure(cluster, 'cordon ghost');
	t.is(cluster.api.revision, revision);
});
