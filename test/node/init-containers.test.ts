import test from 'ava';
import {clusterWith, nodeObject, podStatus, stepUntil} from '../helpers/cluster.js';
import {getPod, messages, podFromYaml} from '../helpers/pods.js';

test('the docs\' init-containers example waits on nslookup of its Services: Init:0/2 while the names do not resolve', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: myapp-pod, labels: {app.kubernetes.io/name: MyApp}}
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done"]
`));
	cluster.step(30);
	const pod = getPod(cluster, 'myapp-pod');
	t.is(podStatus(pod), 'Init:0/2');
	t.is(pod.status!.phase, 'Pending');
	t.like(pod.status!.conditions!.find(c => c.type === 'Initialized'), {status: 'False', reason: 'ContainersNotInitialized', message: 'containers with incomplete status: [init-myservice init-mydb]'});
	t.like(pod.status!.containerStatuses![0]!.state!.waiting, {reason: 'PodInitializing'});
	const logs = cluster.logs('default', 'myapp-pod', {container: 'init-myservice', tail: 2});
	t.deepEqual(logs, ['', 'waiting for myservice']);
	t.true(cluster.logs('default', 'myapp-pod', {container: 'init-myservice'}).includes("** server can't find myservice.default.svc.cluster.local: NXDOMAIN"));
});

test('init containers run in order, then PodInitializing, then Running; a sidecar keeps running and counts in READY', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  initContainers:
  - {name: first, image: busybox:1.36, command: [sh, -c, "sleep 3"]}
  - {name: proxy, image: busybox:1.36, restartPolicy: Always, command: [sh, -c, "sleep 3600"]}
  - {name: second, image: busybox:1.36, command: [sh, -c, "sleep 3"]}
  containers:
  - {name: app, image: nginx:1.27}
`));
	const seen: string[] = [];
	for (let i = 0; i < 25; i++) {
		cluster.step();
		const status = podStatus(getPod(cluster, 'p'));
		if (seen.at(-1) !== status) seen.push(status);
	}
	t.deepEqual(seen.filter(s => s !== 'Pending'), ['Init:0/3', 'Init:2/3', 'PodInitializing', 'Running']);
	const pod = getPod(cluster, 'p');
	t.is(`${pod.status!.containerStatuses!.filter(c => c.ready).length + pod.status!.initContainerStatuses!.filter(c => c.name === 'proxy' && c.ready).length}/2`, '2/2');
	t.deepEqual(messages(cluster, 'p', 'Started'), ['Started container first', 'Started container proxy', 'Started container second', 'Started container app']);
	// Deletion stops the app first and the sidecar last.
	cluster.client.delete('pods', 'p');
	stepUntil(cluster, () => cluster.client.find('pods', 'p') === undefined, 40);
	t.deepEqual(messages(cluster, 'p', 'Killing'), ['Stopping container app', 'Stopping container proxy']);
});

test('a failing init container: Init:Error, then Init:CrashLoopBackOff under Always; the pod Fails under Never', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	const spec = (name: string, restartPolicy: string) => podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  restartPolicy: ${restartPolicy}
  initContainers:
  - {name: setup, image: busybox:1.36, command: [sh, -c, "echo cannot reach the database; exit 2"]}
  containers:
  - {name: app, image: nginx:1.27}
`);
	cluster.client.create('pods', spec('always', 'Always'));
	cluster.client.create('pods', spec('never', 'Never'));
	const seen = new Set<string>();
	for (let i = 0; i < 20; i++) {
		cluster.step();
		seen.add(podStatus(getPod(cluster, 'always')));
	}
	t.true(seen.has('Init:Error'), [...seen].join(','));
	t.true(seen.has('Init:CrashLoopBackOff'), [...seen].join(','));
	const never = getPod(cluster, 'never');
	t.is(never.status!.phase, 'Failed');
	t.is(podStatus(never), 'Init:Error');
	t.like(never.status!.initContainerStatuses![0]!.state!.terminated, {exitCode: 2, reason: 'Error'});
	t.deepEqual(messages(cluster, 'never', 'Started'), ['Started container setup']);
});

test('a pod whose regular containers finish (restartPolicy Never) stops its sidecar and Succeeds', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: job}
spec:
  restartPolicy: Never
  initContainers:
  - {name: proxy, image: busybox:1.36, restartPolicy: Always, command: [sh, -c, "trap 'exit 0' TERM; sleep 3600 & wait"]}
  containers:
  - {name: work, image: busybox:1.36, command: [sh, -c, "echo working; sleep 5"]}
`));
	stepUntil(cluster, () => getPod(cluster, 'job').status?.phase === 'Succeeded', 30);
	t.deepEqual(messages(cluster, 'job', 'Killing'), ['Stopping container proxy']);
	cluster.step(3);
	const pod = getPod(cluster, 'job');
	t.is(podStatus(pod), 'Completed');
	t.like(pod.status!.initContainerStatuses![0]!.state!.terminated, {exitCode: 0, reason: 'Completed'});
});

test('the docs\' init-containers example runs once myservice and mydb exist: cluster DNS answers nslookup', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('pods', podFromYaml(`
apiVersion: v1
kind: Pod
metadata: {name: myapp-pod, labels: {app.kubernetes.io/name: MyApp}}
spec:
  containers:
  - name: myapp-container
    image: busybox:1.28
    command: ['sh', '-c', 'echo The app is running! && sleep 3600']
  initContainers:
  - name: init-myservice
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup myservice.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for myservice; sleep 2; done"]
  - name: init-mydb
    image: busybox:1.28
    command: ['sh', '-c', "until nslookup mydb.$(cat /var/run/secrets/kubernetes.io/serviceaccount/namespace).svc.cluster.local; do echo waiting for mydb; sleep 2; done"]
`));
	cluster.step(10);
	t.is(podStatus(getPod(cluster, 'myapp-pod')), 'Init:0/2');
	// The page's services.
	for (const [name, port] of [['myservice', 9376], ['mydb', 9377]] as const) {
		cluster.client.create('services', {apiVersion: 'v1', kind: 'Service', metadata: {name}, spec: {ports: [{protocol: 'TCP', port: 80, targetPort: port}]}});
	}
	const ip = cluster.client.get<{spec: {clusterIP: string}}>('services', 'myservice').spec.clusterIP;
	stepUntil(cluster, () => podStatus(getPod(cluster, 'myapp-pod')) === 'Running', 20, 'myapp-pod Running');
	t.true(cluster.logs('default', 'myapp-pod', {container: 'init-myservice'}).includes(`Address: ${ip}`));
	t.deepEqual(cluster.logs('default', 'myapp-pod', {container: 'myapp-container'}), ['The app is running!']);
});
