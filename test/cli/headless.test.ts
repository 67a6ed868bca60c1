import test from 'ava';
import {execFile} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {parse as parseYaml} from 'yaml';
import {tempFile} from '../helpers/cluster.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

interface Run {
	code: number;
	stdout: string;
	stderr: string;
}

/** Run the CLI as a user would, with no TTY: stdout and stderr are pipes. */
function cli(...args: string[]): Promise<Run> {
	return new Promise(resolve => {
		execFile(process.execPath, ['--import=tsx', 'source/cli.tsx', ...args], {cwd: root, maxBuffer: 64 * 1024 * 1024, env: {...process.env, NO_COLOR: '1'}}, (error, stdout, stderr) => {
			const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
			resolve({code, stdout, stderr});
		});
	});
}

const runs = new Map<string, Promise<Run>>();

/** The same arguments share one run within this file (determinism is checked with a separate, fresh run). */
function shared(...args: string[]): Promise<Run> {
	const key = JSON.stringify(args);
	let run = runs.get(key);
	if (!run) runs.set(key, (run = cli(...args)));
	return run;
}

const plainJson = () => shared('--headless', '--ticks', '12', '-o', 'json');

const noStackTrace = (t: import('ava').ExecutionContext, run: Run) => {
	t.false(run.stderr.includes('    at '), run.stderr);
	t.false(run.stdout.includes('    at '));
};

interface KubeList {
	apiVersion: string;
	kind: string;
	items: Array<{kind: string; metadata: {name: string; namespace?: string}; spec?: {replicas?: number; nodeName?: string}}>;
}

test('--headless --ticks 12 -o table prints every kind with objects as kubectl get -A -o wide does, from the descriptors', async t => {
	const run = await cli('--headless', '--ticks', '12', '-o', 'table');
	t.is(run.code, 0, run.stderr);
	t.is(run.stderr, '');
	const sections = run.stdout.trimEnd().split('\n\n');
	const headers = sections.map(s => s.split('\n')[0]!.split(/\s{2,}/).join(' '));
	t.deepEqual(headers, [
		'NAME STATUS AGE',
		'NAME STATUS ROLES AGE VERSION INTERNAL-IP EXTERNAL-IP OS-IMAGE KERNEL-VERSION CONTAINER-RUNTIME',
		'NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY',
		'NAMESPACE NAME SECRETS AGE',
		'NAMESPACE NAME TYPE CLUSTER-IP EXTERNAL-IP PORT(S) AGE SELECTOR',
		'NAMESPACE NAME ADDRESSTYPE PORTS ENDPOINTS AGE',
		'NAMESPACE NAME READY UP-TO-DATE AVAILABLE AGE CONTAINERS IMAGES SELECTOR',
		'NAMESPACE NAME DESIRED CURRENT READY AGE CONTAINERS IMAGES SELECTOR',
		'NAMESPACE NAME READY STATUS RESTARTS AGE IP NODE NOMINATED NODE READINESS GATES',
		'NAMESPACE NAME HOLDER AGE',
		'NAMESPACE LAST SEEN TYPE REASON OBJECT SUBOBJECT SOURCE MESSAGE FIRST SEEN COUNT NAME',
	]);
	t.regex(run.stdout, /^namespace\/kube-system\s+Active\s/m);
	t.regex(run.stdout, /^priorityclass\.scheduling\.k8s\.io\/system-node-critical\s+2000001000\s+false\s+12s\s+PreemptLowerPriority$/m);
	t.regex(run.stdout, /^kube-system\s+serviceaccount\/default\s+0\s+12s$/m);
	t.regex(run.stdout, /^node\/\S+\s+Ready\s/m);
	// kubectl's READY for a deployment: ready pods of the desired count.
	t.regex(run.stdout, /^default\s+deployment\.apps\/web\s+3\/3\s+3\s+3\s+12s\s+nginx\s+nginx:1\.27\s+app=web$/m);
	t.regex(run.stdout, /^default\s+pod\/\S+\s+\d+\/\d+\s+Running\s/m);
	t.regex(run.stdout, /ScalingReplicaSet\s+deployment\/\S+\s+deployment-controller\s+Scaled up replica set /);
	t.regex(run.stdout, /\s12s\s+v1\.32\.0\s/m);
});

test('--at get and describe print what kubectl prints, before the tables; with -o json they go to stderr', async t => {
	const table = await cli('--headless', '--ticks', '3', '--at', '3:get deploy web', '--at', '3:describe deployment/web', '-o', 'table');
	t.is(table.code, 0, table.stderr);
	const [get, describe] = table.stdout.split('\n\nName:');
	t.regex(get!, /^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+0\/3\s+0\s+0\s+3s$/);
	t.regex(describe!, /^\s+web\nNamespace:\s+default\n/);
	t.regex(describe!, /Events:\n\s+Type\s+Reason\s+Age\s+From\s+Message\n[\s-]+\n\s+Normal\s+ScalingReplicaSet\s+2s\s+deployment-controller\s+Scaled up replica set web-\w+ to 3/);
	const json = await cli('--headless', '--ticks', '1', '--at', '1:get nodes', '-o', 'json');
	t.is(json.code, 0, json.stderr);
	t.regex(json.stderr, /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\n/);
	t.is((JSON.parse(json.stdout) as KubeList).kind, 'List');
	const missing = await cli('--headless', '--ticks', '1', '--at', '1:get widgets');
	t.is(missing.code, 1);
	t.true(missing.stderr.includes('the server doesn\'t have a resource type "widgets"'), missing.stderr);
});

test('-o json is a Kubernetes List of nodes, namespaces, deployments, replicasets, pods and events', async t => {
	const run = await plainJson();
	t.is(run.code, 0, run.stderr);
	const list = JSON.parse(run.stdout) as KubeList;
	t.is(list.apiVersion, 'v1');
	t.is(list.kind, 'List');
	const kinds = [...new Set(list.items.map(i => i.kind))];
	t.deepEqual(kinds, ['Node', 'Namespace', 'Deployment', 'ReplicaSet', 'Pod', 'Event']);
	t.deepEqual(list.items.filter(i => i.kind === 'Namespace').map(i => i.metadata.name), ['default', 'kube-node-lease', 'kube-public', 'kube-system']);
	t.true(list.items.filter(i => i.kind === 'Pod').some(p => p.spec?.nodeName));
});

test('-o yaml parses with the yaml package into the same List as -o json', async t => {
	const [yamlRun, jsonRun] = await Promise.all([cli('--headless', '--ticks', '12', '-o', 'yaml'), plainJson()]);
	t.is(yamlRun.code, 0, yamlRun.stderr);
	const fromYaml = parseYaml(yamlRun.stdout) as KubeList;
	t.is(fromYaml.kind, 'List');
	t.deepEqual(fromYaml, JSON.parse(jsonRun.stdout));
});

test('two runs with the same arguments print byte-identical output', async t => {
	const args = ['--headless', '--ticks', '12', '-o', 'json', '--at', '3:scale deployment/web --replicas=5'];
	const [a, b] = await Promise.all([shared(...args), cli(...args)]);
	t.is(a.code, 0, a.stderr);
	t.true(a.stdout.length > 1000);
	t.is(a.stdout, b.stdout);
});

test('a different seed changes the output', async t => {
	const [a, b] = await Promise.all([plainJson(), cli('--headless', '--ticks', '12', '-o', 'json', '--seed', '99')]);
	t.is(b.code, 0, b.stderr);
	t.not(a.stdout, b.stdout);
});

test('--at "3:scale deployment/web --replicas=5" changes the outcome', async t => {
	const [plain, scaled] = await Promise.all([
		plainJson(),
		shared('--headless', '--ticks', '12', '-o', 'json', '--at', '3:scale deployment/web --replicas=5'),
	]);
	t.is(scaled.code, 0, scaled.stderr);
	const web = (run: Run) => (JSON.parse(run.stdout) as KubeList).items.find(i => i.kind === 'Deployment' && i.metadata.name === 'web')!;
	const webPods = (run: Run) => (JSON.parse(run.stdout) as KubeList).items.filter(i => i.kind === 'Pod' && i.metadata.name.startsWith('web-')).length;
	t.is(web(scaled).spec!.replicas, 5);
	t.not(web(plain).spec!.replicas, 5);
	t.is(webPods(scaled), 5);
	t.true(webPods(plain) < 5);
});

test('a failing --at command exits non-zero with the API\'s message on stderr and no stack trace', async t => {
	const run = await cli('--headless', '--ticks', '5', '--at', '3:scale deployment/nope --replicas=5');
	t.not(run.code, 0);
	t.true(run.stderr.includes('deployments.apps "nope" not found'), run.stderr);
	t.true(run.stderr.includes('tick 3'), run.stderr);
	t.is(run.stdout, '');
	noStackTrace(t, run);
});

test('an --at tick after the last tick is refused before anything runs', async t => {
	const late = await cli('--headless', '--ticks', '2', '--at', '5:cordon worker-1');
	t.not(late.code, 0);
	t.true(late.stderr.includes('tick 5 is after the last tick (2)'), late.stderr);
	t.is(late.stdout, '');
	noStackTrace(t, late);
});

test('a bad YAML file given with -f exits non-zero naming file:line:col', async t => {
	const file = tempFile('bad.yaml', 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: broken\n  labels: {app: broken\nspec:\n  replicas: 1\n');
	const run = await cli('--headless', '--ticks', '1', '-f', file);
	t.not(run.code, 0);
	t.regex(run.stderr, new RegExp(`${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: `));
	t.is(run.stdout, '');
	noStackTrace(t, run);
});

test('an invalid object given with -f exits non-zero naming the field', async t => {
	const file = tempFile('invalid.yaml', `apiVersion: apps/v1
kind: Deployment
metadata:
  name: cart
spec:
  replicas: -1
  selector:
    matchLabels: {app: cart}
  template:
    metadata:
      labels: {app: cart}
    spec:
      containers:
      - name: cart
        image: nginx:1.27
`);
	const run = await cli('--headless', '--ticks', '1', '-f', file);
	t.not(run.code, 0);
	t.true(run.stderr.includes(`${file}:6:13: Deployment.apps "cart" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0`), run.stderr);
	noStackTrace(t, run);
});

test('--cluster FILE replaces the default fixture', async t => {
	const file = tempFile('tiny.yaml', 'apiVersion: v1\nkind: Node\nmetadata:\n  name: solo\n');
	const run = await cli('--headless', '--ticks', '2', '-o', 'json', '--cluster', file);
	t.is(run.code, 0, run.stderr);
	const list = JSON.parse(run.stdout) as KubeList;
	t.deepEqual(list.items.filter(i => i.kind === 'Node').map(i => i.metadata.name), ['solo']);
	t.is(list.items.filter(i => i.kind === 'Deployment').length, 0);
});

test('usage errors exit 2: an unknown flag, a bad -o, --headless without --ticks', async t => {
	const usage = await Promise.all([
		cli('--bogus'),
		cli('--headless', '--ticks', '1', '-o', 'xml'),
		cli('--headless'),
	]);
	for (const run of usage) {
		t.is(run.code, 2, run.stderr);
		t.true(run.stderr.startsWith('kubetui: '), run.stderr);
		t.is(run.stdout, '');
		noStackTrace(t, run);
	}
	t.true(usage[0]!.stderr.includes('--bogus'));
	t.true(usage[1]!.stderr.includes('--output "xml"'));
	t.true(usage[2]!.stderr.includes('--ticks'));
});

test('without --headless and without a TTY it exits non-zero and says to use --headless', async t => {
	const run = await cli();
	t.not(run.code, 0);
	t.true(run.stderr.includes('--headless'), run.stderr);
	t.is(run.stdout, '');
	noStackTrace(t, run);
});

test('--help prints the usage and exits 0', async t => {
	const run = await cli('--help');
	t.is(run.code, 0);
	t.true(run.stdout.includes('usage:'));
	t.true(run.stdout.includes('--headless'));
	t.true(run.stdout.includes('--at "TICK:COMMAND"'));
	t.is(run.stderr, '');
});

test('bad input gets a clear message and a non-zero exit, with nothing applied: huge files, seeds, an update that would fail', async t => {
	const zero = await cli('--headless', '--ticks', '1', '-f', '/dev/zero');
	t.is(zero.code, 1);
	t.true(zero.stderr.includes('"/dev/zero" is larger than 16 MiB'), zero.stderr);
	const seed = await cli('--headless', '--ticks', '1', '--seed', '4294967297');
	t.is(seed.code, 2);
	t.true(seed.stderr.includes('invalid --seed "4294967297": expected an integer from 0 to 4294967295'), seed.stderr);
	const ttl = await cli('--headless', '--ticks', '1', '--event-ttl', 'soon');
	t.is(ttl.code, 2);
	t.true(ttl.stderr.includes('invalid --event-ttl "soon"'), ttl.stderr);
	// A new Deployment and a selector change of an existing one: the second fails the dry run, so the first is not created.
	const file = tempFile('update.yaml', [
		'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: shop-new}\nspec:\n  selector: {matchLabels: {app: shop-new}}\n  template:\n    metadata: {labels: {app: shop-new}}\n    spec: {containers: [{name: c, image: nginx}]}',
		'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  selector: {matchLabels: {app: web, tier: front}}\n  template:\n    metadata: {labels: {app: web, tier: front}}\n    spec: {containers: [{name: nginx, image: "nginx:1.27"}]}',
	].join('\n---\n'));
	const update = await cli('--headless', '--ticks', '2', '--at', `1:apply -f ${file}`);
	t.is(update.code, 1);
	t.true(update.stderr.includes(`${file}:14:13: Deployment.apps "web" is invalid`), update.stderr);
	t.true(update.stderr.includes('spec.selector: Invalid value: {"matchLabels":{"app":"web","tier":"front"}}: field is immutable'), update.stderr);
	const listing = await cli('--headless', '--ticks', '2', '--at', `2:get deploy shop-new`);
	t.is(listing.code, 1);
	t.true(listing.stderr.includes('deployments.apps "shop-new" not found'), listing.stderr);
	// Events keep flowing with a tick that is not a whole number of milliseconds.
	const fraction = await cli('--headless', '--ticks', '3', '--tick-seconds', '1.0005', '-o', 'json');
	t.is(fraction.code, 0, fraction.stderr);
	t.true((JSON.parse(fraction.stdout) as KubeList).items.filter(i => i.kind === 'Event').length > 20);
});
