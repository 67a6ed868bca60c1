// `drain NODE` as kubectl does it: cordon, evictions through pods/eviction honouring a PodDisruptionBudget (429 and a
// retry 5 s later), kubectl's lines tick by tick, and its refusals until a flag allows them.
import test from 'ava';
import type {Cluster, Pod, PodDisruptionBudget} from '../../source/cluster/index.js';
import {runHeadless} from '../../source/headless/run.js';
import {allRunning, clusterWith, deploymentObject, isRunningReady, nodeObject, podObject, pods, stepUntil} from '../helpers/cluster.js';

const budget = (spec: Record<string, unknown>): PodDisruptionBudget => ({
	apiVersion: 'policy/v1', kind: 'PodDisruptionBudget', metadata: {name: 'web'}, spec: {selector: {matchLabels: {app: 'web'}}, ...spec},
} as PodDisruptionBudget);

/** web's 3 pods all on node-1, then node-2 and node-3 join. */
function crowded(): Cluster {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('deployments', deploymentObject('web', 3));
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 3), 60, 'web running');
	cluster.client.create('nodes', nodeObject('node-2'));
	cluster.client.create('nodes', nodeObject('node-3'));
	cluster.step(3);
	return cluster;
}

const healthy = (cluster: Cluster) => pods(cluster, 'app=web').filter(p => isRunningReady(p) && !p.metadata?.deletionTimestamp).length;

test('drain with a budget evicts only as fast as the budget allows, printing what kubectl prints', t => {
	const cluster = crowded();
	cluster.client.create('poddisruptionbudgets', budget({minAvailable: 2}));
	cluster.step(2);
	const pdb = cluster.client.get<PodDisruptionBudget>('poddisruptionbudgets', 'web');
	t.like(pdb.status, {currentHealthy: 3, desiredHealthy: 2, disruptionsAllowed: 1, expectedPods: 3, observedGeneration: 1});
	t.like(pdb.status?.conditions?.[0], {type: 'DisruptionAllowed', status: 'True', reason: 'SufficientPods'});

	const names = pods(cluster, 'app=web').map(p => p.metadata!.name!).sort();
	const first = cluster.run('drain node-1');
	t.is(first.message.split('\n')[0], 'node/node-1 cordoned');
	t.is(first.message.split('\n').filter(l => l.startsWith('evicting pod ')).length, 3);
	t.is(first.message.split('\n').filter(l => l.endsWith("(will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.")).length, 2);
	t.true(first.message.includes(`error when evicting pods/"${names[1]}" -n "default" (will retry after 5s): Cannot evict pod as it would violate the pod's disruption budget.`));
	let minimum = healthy(cluster);
	stepUntil(cluster, () => {
		minimum = Math.min(minimum, healthy(cluster));
		return cluster.operations()[0]!.phase !== 'running';
	}, 120, 'drain done');
	t.true(minimum >= 2, `never fewer than 2 healthy (saw ${minimum})`);
	const lines = cluster.operations()[0]!.lines;
	t.is(cluster.operations()[0]!.phase, 'done');
	t.is(lines.at(-1), 'node/node-1 drained');
	for (const name of names) t.true(lines.includes(`pod/${name} evicted`), name);
	t.true(lines.filter(l => l.includes('will retry after 5s')).length >= 3, 'the budget made the drain wait');
	t.is(pods(cluster, 'app=web').filter(p => p.spec?.nodeName === 'node-1').length, 0);
	stepUntil(cluster, () => allRunning(cluster, 'app=web', 3), 30, 'web back to 3');
});

test('an eviction refused by the budget is a 429 with the budget named in its cause', t => {
	const cluster = crowded();
	cluster.client.create('poddisruptionbudgets', budget({maxUnavailable: 0}));
	cluster.step(2);
	t.like(cluster.client.get<PodDisruptionBudget>('poddisruptionbudgets', 'web').status, {disruptionsAllowed: 0, desiredHealthy: 3, expectedPods: 3});
	const name = pods(cluster, 'app=web')[0]!.metadata!.name!;
	const error = t.throws(() => cluster.client.evict('default', name)) as unknown as {status: {code: number; reason: string; message: string; details?: {causes?: Array<{message: string}>}}};
	t.is(error.status.code, 429);
	t.is(error.status.reason, 'TooManyRequests');
	t.is(error.status.message, "Cannot evict pod as it would violate the pod's disruption budget.");
	t.is(error.status.details?.causes?.[0]?.message, 'The disruption budget web needs 3 healthy pods and has 3 currently');
	t.falsy(cluster.client.get<Pod>('pods', name).metadata?.deletionTimestamp);
});

test('percentages scale with the controller: maxUnavailable 34% of 3 allows 2', t => {
	const cluster = crowded();
	cluster.client.create('poddisruptionbudgets', budget({maxUnavailable: '34%'}));
	cluster.step(2);
	t.like(cluster.client.get<PodDisruptionBudget>('poddisruptionbudgets', 'web').status, {expectedPods: 3, desiredHealthy: 1, disruptionsAllowed: 2});
	t.throws(() => cluster.client.create('poddisruptionbudgets', {...budget({minAvailable: 1, maxUnavailable: 1}), metadata: {name: 'both'}}), {message: /spec: Invalid value: .*minAvailable and maxUnavailable cannot be both set/});
	t.throws(() => cluster.client.create('poddisruptionbudgets', {...budget({minAvailable: '150%'}), metadata: {name: 'much'}}), {message: /spec.minAvailable: Invalid value: "150%": must not be greater than 100%/});
});

test('drain refuses pods without a controller and with emptyDir data until --force and --delete-emptydir-data', t => {
	const cluster = clusterWith([nodeObject('node-1'), nodeObject('node-2')]);
	const lonely = podObject('lonely');
	lonely.spec!.nodeName = 'node-1';
	const scratch = podObject('scratch');
	scratch.spec!.nodeName = 'node-1';
	scratch.spec!.volumes = [{name: 'tmp', emptyDir: {}}];
	cluster.client.create('pods', lonely);
	cluster.client.create('pods', scratch);
	cluster.step(8);
	// The first filter that refuses a pod decides: scratch is held back by its emptyDir, lonely by having no controller.
	const refused = t.throws(() => cluster.run('drain node-1'))!;
	t.is(refused.message, [
		'node/node-1 cordoned',
		'error: unable to drain node "node-1" due to error: [cannot delete Pods that declare no controller (use --force to override): default/lonely, cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch], continuing command...',
		'There are pending nodes to be drained:',
		' node-1',
		'error: [cannot delete Pods that declare no controller (use --force to override): default/lonely, cannot delete Pods with local storage (use --delete-emptydir-data to override): default/scratch]',
	].join('\n'));
	const started = cluster.run('drain node-1 --force --delete-emptydir-data --grace-period=0');
	t.is(started.message.split('\n').slice(0, 3).join('\n'), [
		'node/node-1 already cordoned',
		'Warning: deleting Pods that declare no controller: default/lonely, default/scratch; deleting Pods with local storage: default/scratch',
		'evicting pod default/lonely',
	].join('\n'));
	stepUntil(cluster, () => cluster.operations().at(-1)!.phase === 'done', 20, 'drained');
	t.deepEqual(cluster.operations().at(-1)!.lines.slice(-3), ['pod/lonely evicted', 'pod/scratch evicted', 'node/node-1 drained']);
});

test('DaemonSet pods need --ignore-daemonsets; bad flags and unknown nodes are named', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	const agent = podObject('agent');
	agent.spec!.nodeName = 'node-1';
	agent.metadata!.ownerReferences = [{apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'agent', uid: '0000', controller: true}];
	cluster.client.create('pods', agent);
	cluster.step(1);
	t.throws(() => cluster.run('drain node-1'), {message: /cannot delete DaemonSet-managed Pods \(use --ignore-daemonsets to ignore\): default\/agent/});
	const ok = cluster.run('drain node-1 --ignore-daemonsets');
	t.is(ok.message, 'node/node-1 already cordoned\nWarning: ignoring DaemonSet-managed Pods: default/agent\nnode/node-1 drained');
	t.throws(() => cluster.run('drain nope'), {message: 'Error from server (NotFound): nodes "nope" not found'});
	t.throws(() => cluster.run('drain node-1 --timeout=soon'), {message: 'error: invalid argument "soon" for "--timeout" flag: time: invalid duration "soon"'});
	t.throws(() => cluster.run('drain'), {message: /USAGE: drain NODE/});
});

test('--timeout ends a drain a budget holds up', t => {
	const cluster = crowded();
	cluster.client.create('poddisruptionbudgets', budget({maxUnavailable: 0}));
	cluster.step(2);
	cluster.run('drain node-1 --timeout=20s');
	stepUntil(cluster, () => cluster.operations()[0]!.phase !== 'running', 30, 'timed out');
	const lines = cluster.operations()[0]!.lines;
	t.is(cluster.operations()[0]!.phase, 'failed');
	t.regex(lines.at(-1)!, /^error: error when evicting pods\/"web-\S+" -n "default": global timeout reached: 20s$/);
});

test('headless --at drain prints its lines as they happen, tick by tick', t => {
	const cluster = crowded();
	cluster.client.create('poddisruptionbudgets', budget({minAvailable: 2}));
	const logged: Array<{tick: number; text: string}> = [];
	runHeadless(cluster, 60, [{tick: 2, command: 'drain node-1'}], text => logged.push({tick: cluster.clock.tick, text}));
	t.regex(logged[0]!.text, /^node\/node-1 cordoned\nevicting pod /);
	t.true(logged.length > 3, 'later lines come in later blocks');
	t.true(logged.some(l => l.text.includes('will retry after 5s') && l.tick > logged[0]!.tick), 'a retry printed at its own tick');
	t.is(logged.at(-1)!.text.split('\n').at(-1), 'node/node-1 drained');
	t.true(logged.at(-1)!.tick > logged[0]!.tick + 5);
});

test('eviction: two budgets for one pod is a 500; a pod with no budget goes; a spent budget records the pod in disruptedPods', t => {
	const cluster = crowded();
	cluster.client.create('poddisruptionbudgets', budget({maxUnavailable: 1}));
	cluster.step(2);
	const [first, second] = pods(cluster, 'app=web').map(p => p.metadata!.name!);
	cluster.client.evict('default', first!);
	const spent = cluster.client.get<PodDisruptionBudget>('poddisruptionbudgets', 'web');
	t.is(spent.status?.disruptionsAllowed, 0);
	t.truthy(spent.status?.disruptedPods?.[first!]);
	t.truthy(cluster.client.get<Pod>('pods', first!).metadata?.deletionTimestamp);
	cluster.client.create('poddisruptionbudgets', {...budget({minAvailable: 1}), metadata: {name: 'second'}});
	cluster.step(1);
	t.throws(() => cluster.client.evict('default', second!), {message: 'Internal error occurred: This pod has more than one PodDisruptionBudget, which the eviction subresource does not support.'});
	t.throws(() => cluster.client.evict('default', 'nope'), {message: 'pods "nope" not found'});
	const lonely = cluster.client.create<Pod>('pods', podObject('lonely'));
	cluster.client.evict('default', lonely.metadata!.name!);
	t.is(cluster.client.find('pods', 'lonely'), undefined, 'an unscheduled pod with no budget is deleted at once');
});
