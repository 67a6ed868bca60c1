import test from 'ava';
import {writeFileSync} from 'node:fs';
import {CommandError, createCluster, ManifestError, readManifests, type Cluster, type Deployment} from '../../source/cluster/index.js';
import {tempFile} from '../helpers/cluster.js';

const nodeYaml = (name: string) => `apiVersion: v1
kind: Node
metadata:
  name: ${name}
`;

const deploymentYaml = (name: string, replicas: number | string, image = 'nginx:1.27') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: ${name}
  template:
    metadata:
      labels:
        app: ${name}
    spec:
      containers:
      - name: ${name}
        image: ${image}
`;

const failure = (cluster: Cluster, command: string): Error => {
	try {
		cluster.run(command);
	} catch (error) {
		if (error instanceof CommandError || error instanceof ManifestError) return error;
		throw error;
	}
	throw new Error(`expected "${command}" to fail`);
};

test('apply -f creates every object, one line each', t => {
	const cluster = createCluster();
	const file = tempFile('all.yaml', [nodeYaml('node-1'), deploymentYaml('web', 2), deploymentYaml('api', 1)].join('---\n'));
	t.is(cluster.run(`apply -f ${file}`).message, 'node/node-1 created\ndeployment.apps/web created\ndeployment.apps/api created');
	t.truthy(cluster.client.find('nodes', 'node-1'));
	t.is(cluster.client.get<Deployment>('deployments', 'web').spec!.replicas, 2);
	const entry = cluster.trace.list().at(-1)!;
	t.like(entry, {component: 'kubernetes-admin', verb: 'create', resource: 'deployments', name: 'api', reason: `kubectl apply -f ${file}`});
});

test('apply of a changed manifest is "configured", an unchanged one "unchanged"', t => {
	const cluster = createCluster();
	const file = tempFile('web.yaml', deploymentYaml('web', 2));
	cluster.run(`apply -f ${file}`);
	t.is(cluster.run(`apply -f ${file}`).message, 'deployment.apps/web unchanged');
	writeFileSync(file, deploymentYaml('web', 4));
	t.is(cluster.run(`apply -f ${file}`).message, 'deployment.apps/web configured');
	const d = cluster.client.get<Deployment>('deployments', 'web');
	t.is(d.spec!.replicas, 4);
	t.is(d.metadata!.generation, 2);
	t.like(cluster.trace.list().at(-1)!, {verb: 'patch', resource: 'deployments', name: 'web'});
});

test('apply accepts several -f files and a kind: List', t => {
	const cluster = createCluster();
	const a = tempFile('a.yaml', nodeYaml('node-a'));
	const list = tempFile('list.yaml', `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Node
  metadata:
    name: node-b
- apiVersion: v1
  kind: Node
  metadata:
    name: node-c
`);
	t.is(cluster.run(`apply -f ${a} -f ${list}`).message, 'node/node-a created\nnode/node-b created\nnode/node-c created');
});

test('apply is all or nothing: an invalid third document creates nothing and names file:line and the field', t => {
	const cluster = createCluster();
	const file = tempFile('bad.yaml', [deploymentYaml('one', 1), deploymentYaml('two', 1), deploymentYaml('three', -1)].join('---\n'));
	const revision = cluster.api.revision;
	const error = failure(cluster, `apply -f ${file}`);
	// The third document starts on line 37; the value of its spec.replicas is on line 42, column 13.
	t.is(error.message, `${file}:42:13: Deployment.apps "three" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0`);
	t.is(cluster.client.find('deployments', 'one'), undefined);
	t.is(cluster.client.find('deployments', 'two'), undefined);
	t.is(cluster.api.revision, revision);
});

test('a missing required field is located at its nearest parent', t => {
	const cluster = createCluster();
	const text = deploymentYaml('web', 1).replace('        image: nginx:1.27\n', '');
	const file = tempFile('noimage.yaml', nodeYaml('node-1') + '---\n' + text);
	const error = failure(cluster, `apply -f ${file}`);
	t.true(error.message.startsWith(`${file}:`), error.message);
	t.true(error.message.endsWith('Deployment.apps "web" is invalid: spec.template.spec.containers[0].image: Required value'), error.message);
	// The container item is on line 20 (after the 4-line node and the separator).
	t.regex(error.message, /:2\d:\d+: /);
	t.is(cluster.client.find('nodes', 'node-1'), undefined);
});

test('a YAML syntax error names file:line:col and nothing is created', t => {
	const cluster = createCluster();
	const file = tempFile('syntax.yaml', `${nodeYaml('node-1')}---
apiVersion: v1
kind: Node
metadata:
  name: [unclosed
`);
	const error = failure(cluster, `apply -f ${file}`);
	t.true(error instanceof ManifestError);
	t.regex(error.message, new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
	const [, line] = /:(\d+):\d+: /.exec(error.message)!;
	t.true(Number(line) >= 8 && Number(line) <= 10, error.message);
	t.is(cluster.client.find('nodes', 'node-1'), undefined);
});

test('an unknown kind is refused before anything is written', t => {
	const cluster = createCluster();
	const file = tempFile('kinds.yaml', `${nodeYaml('node-1')}---
apiVersion: v1
kind: Widget
metadata:
  name: w
`);
	const error = failure(cluster, `apply -f ${file}`);
	t.is(error.message, `${file}:6: no matches for kind "Widget" in version "v1"`);
	t.is(cluster.client.find('nodes', 'node-1'), undefined);
	const wrongVersion = tempFile('version.yaml', deploymentYaml('web', 1).replace('apps/v1', 'apps/v1beta1'));
	t.is(failure(cluster, `apply -f ${wrongVersion}`).message, `${wrongVersion}:1: no matches for kind "Deployment" in version "apps/v1beta1"`);
});

test('a document without apiVersion or kind, or that is not a mapping, is refused', t => {
	const cluster = createCluster();
	const noKind = tempFile('nokind.yaml', 'apiVersion: v1\nmetadata:\n  name: x\n');
	t.is(failure(cluster, `apply -f ${noKind}`).message, `${noKind}:1: document 1: Object 'Kind' is missing`);
	const scalar = tempFile('scalar.yaml', 'just text\n');
	t.regex(failure(cluster, `apply -f ${scalar}`).message, /document 1 is not a Kubernetes object/);
});

test('a missing file or no -f is an error', t => {
	const cluster = createCluster();
	t.is(failure(cluster, 'apply -f /nonexistent/kubetui.yaml').message, 'error: the path "/nonexistent/kubetui.yaml" does not exist');
	t.is(failure(cluster, 'apply').message, 'error: must specify one of -f and -k');
});

test('objects in a namespace must have it, unless the same apply creates it first', t => {
	const cluster = createCluster();
	const pod = `apiVersion: v1
kind: Pod
metadata:
  name: p
  namespace: team
spec:
  containers:
  - name: c
    image: nginx:1.27
`;
	const orphan = tempFile('orphan.yaml', pod);
	t.is(failure(cluster, `apply -f ${orphan}`).message, `${orphan}:1: namespaces "team" not found`);
	const namespace = `apiVersion: v1
kind: Namespace
metadata:
  name: team
---
`;
	// A new namespace has no default ServiceAccount until the controller's next pass: upstream's ServiceAccount
	// admission refuses the pod, and nothing of the file is written.
	const withoutAccount = tempFile('without-account.yaml', `${namespace}${pod}`);
	t.is(failure(cluster, `apply -f ${withoutAccount}`).message,
		`${withoutAccount}:6: pods "p" is forbidden: error looking up service account team/default: serviceaccount "default" not found`);
	t.is(cluster.client.find('namespaces', 'team'), undefined);
	const together = tempFile('together.yaml', `${namespace}apiVersion: v1
kind: ServiceAccount
metadata:
  name: default
  namespace: team
---
${pod}`);
	t.is(cluster.run(`apply -f ${together}`).message, 'namespace/team created\nserviceaccount/default created\npod/p created');
	t.is(cluster.client.get('pods', 'p', 'team').metadata!.namespace, 'team');
});

test('empty documents (a trailing ---) are skipped', t => {
	const cluster = createCluster();
	const file = tempFile('trailing.yaml', `---\n${nodeYaml('node-1')}---\n`);
	t.is(cluster.run(`apply -f ${file}`).message, 'node/node-1 created');
});

// Upstream: kubectl apply merges three ways against the last-applied-configuration, so fields the
// manifest never set (the pod CIDR from node IPAM, a cordon) survive a re-apply.
test('re-applying a node manifest keeps spec.podCIDR and the cordon', t => {
	const cluster = createCluster();
	const file = tempFile('node.yaml', `apiVersion: v1
kind: Node
metadata:
  name: gpu-1
spec:
  taints:
  - key: gpu
    effect: NoSchedule
`);
	cluster.run(`apply -f ${file}`);
	cluster.step(2);
	cluster.run('cordon gpu-1');
	cluster.step(2);
	const before = cluster.client.get('nodes', 'gpu-1').spec as {podCIDR?: string; unschedulable?: boolean};
	t.truthy(before.podCIDR);
	t.true(before.unschedulable);
	cluster.run(`apply -f ${file}`);
	const after = cluster.client.get('nodes', 'gpu-1').spec as {podCIDR?: string; unschedulable?: boolean};
	t.is(after.podCIDR, before.podCIDR);
	t.true(after.unschedulable);
});

test('a manifest nested deeper than any object is refused with file:line:col, not a JavaScript message', t => {
	const file = tempFile('deep.yaml', `a: ${'['.repeat(20000)}${']'.repeat(20000)}\n`);
	const error = t.throws(() => readManifests(file));
	t.true(error.message.startsWith(`${file}:1:`), error.message);
	t.true(error.message.endsWith(': the document is nested too deeply to be a Kubernetes object'), error.message);
});
