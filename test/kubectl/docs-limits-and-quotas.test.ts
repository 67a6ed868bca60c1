// The Kubernetes docs pages on LimitRange and ResourceQuota (tasks/administer-cluster/manage-resources), with their
// own manifests (fixtures/docs/), applied in the page's order into the page's namespace: what each page shows.
import test from 'ava';
import {createCluster, type Event, type KubeObject, type Pod} from '../../source/cluster/index.js';

function page(namespace: string) {
	const cluster = createCluster({seed: 5});
	cluster.run('apply -f fixtures/default.yaml');
	cluster.client.create('namespaces', {apiVersion: 'v1', kind: 'Namespace', metadata: {name: namespace}});
	cluster.step(1);
	const apply = (file: string) => cluster.run(`apply -f fixtures/docs/${file} -n ${namespace}`).message;
	const refused = (file: string) => {
		try {
			apply(file);
		} catch (error) {
			return (error as Error).message;
		}
		return 'applied';
	};
	const pod = (name: string) => cluster.client.get<Pod>('pods', name, namespace);
	return {cluster, apply, refused, pod};
}

const resources = (pod: Pod) => pod.spec!.containers[0]!.resources;

test('memory-defaults: a container without memory gets the default request and limit; a limit alone is also the request', t => {
	const {apply, pod} = page('default-mem-example');
	apply('memory-defaults.yaml');
	apply('memory-defaults-pod.yaml');
	t.deepEqual(resources(pod('default-mem-demo')), {limits: {memory: '512Mi'}, requests: {memory: '256Mi'}});
	t.is(pod('default-mem-demo').metadata?.annotations?.['kubernetes.io/limit-ranger'], 'LimitRanger plugin set: memory request for container default-mem-demo-ctr; memory limit for container default-mem-demo-ctr');
	apply('memory-defaults-pod-2.yaml');
	t.deepEqual(resources(pod('default-mem-demo-2')), {limits: {memory: '1Gi'}, requests: {memory: '1Gi'}});
	apply('memory-defaults-pod-3.yaml');
	t.deepEqual(resources(pod('default-mem-demo-3')), {limits: {memory: '512Mi'}, requests: {memory: '128Mi'}});
});

test('cpu-constraints: within min and max is admitted; over the max or under the min is refused with the page\'s message', t => {
	const {apply, refused, pod, cluster} = page('constraints-cpu-example');
	apply('cpu-constraints.yaml');
	// The LimitRange as the page shows it after defaulting: max is the default limit and the default request.
	const lr = cluster.client.get<KubeObject & {spec: {limits: Array<Record<string, unknown>>}}>('limitranges', 'cpu-min-max-demo-lr', 'constraints-cpu-example');
	t.deepEqual(lr.spec.limits[0], {default: {cpu: '800m'}, defaultRequest: {cpu: '800m'}, max: {cpu: '800m'}, min: {cpu: '200m'}, type: 'Container'});
	apply('cpu-constraints-pod.yaml');
	t.deepEqual(resources(pod('constraints-cpu-demo')), {limits: {cpu: '800m'}, requests: {cpu: '500m'}});
	t.regex(refused('cpu-constraints-pod-2.yaml'), /pods "constraints-cpu-demo-2" is forbidden: maximum cpu usage per Container is 800m, but limit is 1500m$/);
	t.regex(refused('cpu-constraints-pod-3.yaml'), /pods "constraints-cpu-demo-3" is forbidden: minimum cpu usage per Container is 200m, but request is 100m$/);
	apply('cpu-constraints-pod-4.yaml');
	t.deepEqual(resources(pod('constraints-cpu-demo-4')), {limits: {cpu: '800m'}, requests: {cpu: '800m'}});
});

test('quota-mem-cpu: the first pod fits, the second would go over requests.memory and is refused with the page\'s message', t => {
	const {apply, refused, cluster} = page('quota-mem-cpu-example');
	apply('quota-mem-cpu.yaml');
	cluster.step(1); // the quota controller computes the status
	apply('quota-mem-cpu-pod.yaml');
	const quota = () => cluster.client.get<KubeObject & {status: {used: Record<string, string>}}>('resourcequotas', 'mem-cpu-demo', 'quota-mem-cpu-example');
	t.deepEqual(quota().status.used, {'limits.cpu': '800m', 'limits.memory': '800Mi', 'requests.cpu': '400m', 'requests.memory': '600Mi'});
	t.regex(refused('quota-mem-cpu-pod-2.yaml'), /pods "quota-mem-cpu-demo-2" is forbidden: exceeded quota: mem-cpu-demo, requested: requests\.memory=700Mi, used: requests\.memory=600Mi, limited: requests\.memory=1Gi$/);
	t.regex(cluster.run('get quota -n quota-mem-cpu-example').message, /mem-cpu-demo\s+\S+\s+requests\.cpu: 400m\/1, requests\.memory: 600Mi\/1Gi\s+limits\.cpu: 800m\/2, limits\.memory: 800Mi\/2Gi/);
	// A pod without limits under a quota that tracks them.
	const bare = {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'bare', namespace: 'quota-mem-cpu-example'}, spec: {containers: [{name: 'c', image: 'nginx'}]}};
	t.throws(() => cluster.client.create('pods', bare as KubeObject), {message: 'pods "bare" is forbidden: failed quota: mem-cpu-demo: must specify limits.cpu for: c; limits.memory for: c; requests.cpu for: c; requests.memory for: c'});
});

test('quota-pod: a deployment of 3 gets 2 pods; its ReplicaSet reports the quota refusal; deleting a pod frees room', t => {
	const {apply, cluster} = page('quota-pod-example');
	apply('quota-pod.yaml');
	apply('quota-pod-deployment.yaml');
	cluster.step(30);
	const pods = () => cluster.client.list<Pod>('pods', {namespace: 'quota-pod-example'}).items;
	t.is(pods().length, 2);
	const deployment = cluster.client.get<KubeObject & {status: {readyReplicas?: number}}>('deployments', 'pod-quota-demo', 'quota-pod-example');
	t.is(deployment.status.readyReplicas, 2);
	const failed = cluster.client.list<Event>('events', {namespace: 'quota-pod-example'}).items.find(e => e.reason === 'FailedCreate');
	t.regex(failed?.message ?? '', /^Error creating: pods "pod-quota-demo-[a-z0-9]+-" is forbidden: exceeded quota: pod-demo, requested: pods=1, used: pods=2, limited: pods=2$/);
	cluster.run(`delete pod/${pods()[0]!.metadata!.name} -n quota-pod-example --force`);
	cluster.step(20);
	t.is(pods().filter(p => !p.metadata?.deletionTimestamp).length, 2);
});
