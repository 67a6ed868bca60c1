import test from 'ava';
import {createCluster, type ConfigMap, type Pod, type Secret, type ServiceAccount} from '../../source/cluster/index.js';
import {tempFile} from '../helpers/cluster.js';

const manifest = `apiVersion: v1
kind: ConfigMap
metadata:
  name: shop-config
data:
  LOG_LEVEL: debug
  app.properties: |
    color=blue
---
apiVersion: v1
kind: Secret
metadata:
  name: shop-db
stringData:
  username: admin
  password: s3cr3t
---
apiVersion: v1
kind: ServiceAccount
metadata:
  name: shop
---
apiVersion: v1
kind: Pod
metadata:
  name: shop
spec:
  serviceAccountName: shop
  containers:
  - name: app
    image: nginx:1.27
    envFrom:
    - configMapRef:
        name: shop-config
    env:
    - name: DB_PASSWORD
      valueFrom:
        secretKeyRef:
          name: shop-db
          key: password
`;

test('one file with a ConfigMap, a Secret with stringData, a ServiceAccount and a pod using them', t => {
	const cluster = createCluster();
	const file = tempFile('shop.yaml', manifest);
	t.is(cluster.run(`apply -f ${file}`).message, 'configmap/shop-config created\nsecret/shop-db created\nserviceaccount/shop created\npod/shop created');

	const cm = cluster.client.get<ConfigMap>('configmaps', 'shop-config');
	t.deepEqual(cm.data, {LOG_LEVEL: 'debug', 'app.properties': 'color=blue\n'});

	const secret = cluster.client.get<Secret>('secrets', 'shop-db');
	t.is(secret.type, 'Opaque');
	t.deepEqual(secret.data, {username: 'YWRtaW4=', password: 'czNjcjN0'});
	t.false('stringData' in secret);
	// kubectl's last-applied annotation keeps what the user wrote, as kubectl does.
	t.true(secret.metadata!.annotations!['kubectl.kubernetes.io/last-applied-configuration']!.includes('"stringData"'));

	t.truthy(cluster.client.get<ServiceAccount>('serviceaccounts', 'shop').metadata!.uid);

	// The pod was admitted as the ServiceAccount of the same file (planned objects count in the dry run).
	const pod = cluster.client.get<Pod>('pods', 'shop');
	t.is(pod.spec!.serviceAccountName, 'shop');
	t.regex(pod.spec!.volumes![0]!.name, /^kube-api-access-[a-z0-9]{5}$/);
	t.deepEqual(pod.spec!.containers[0]!.volumeMounts, [{name: pod.spec!.volumes![0]!.name, readOnly: true, mountPath: '/var/run/secrets/kubernetes.io/serviceaccount'}]);
	t.deepEqual(pod.spec!.containers[0]!.env, [{name: 'DB_PASSWORD', valueFrom: {secretKeyRef: {name: 'shop-db', key: 'password'}}}]);
	t.deepEqual([pod.spec!.priority, pod.spec!.preemptionPolicy], [0, 'PreemptLowerPriority']);

	// Applying the same file again changes nothing: stringData merges to the data already stored.
	t.is(cluster.run(`apply -f ${file}`).message, 'configmap/shop-config unchanged\nsecret/shop-db unchanged\nserviceaccount/shop unchanged\npod/shop unchanged');

	// A new image merges into the live container by name (strategic merge): the token mount admission added stays.
	const newer = tempFile('shop.yaml', manifest.replace('nginx:1.27', 'nginx:1.28'));
	t.is(cluster.run(`apply -f ${newer}`).message, 'configmap/shop-config unchanged\nsecret/shop-db unchanged\nserviceaccount/shop unchanged\npod/shop configured');
	const updated = cluster.client.get<Pod>('pods', 'shop').spec!;
	t.is(updated.containers[0]!.image, 'nginx:1.28');
	t.deepEqual(updated.containers[0]!.volumeMounts, pod.spec!.containers[0]!.volumeMounts);
	t.deepEqual(updated.volumes, pod.spec!.volumes);
});

test('a bad document refuses the whole file: nothing of it is stored', t => {
	const cluster = createCluster();
	const file = tempFile('shop.yaml', manifest.replace('  password: s3cr3t\n', '  password: s3cr3t\ndata:\n  token: not base64!\n'));
	t.throws(() => cluster.run(`apply -f ${file}`), {message: `${file}:10: Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 3`});
	for (const resource of ['configmaps', 'secrets', 'pods']) t.is(cluster.client.list(resource).items.length, 0, resource);
	t.is(cluster.client.find('serviceaccounts', 'shop'), undefined);
});
