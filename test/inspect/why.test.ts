import test from 'ava';
import {isStatusError, type Pod} from '../../source/cluster/index.js';
import {RecentAttempts} from '../../source/cluster/control-plane/scheduler/attempt.js';
import {whyReport} from '../../source/cluster/inspect/why.js';
import {clusterWith, deploymentObject, eventsFor, nodeObject, podObject, pods, stepUntil} from '../helpers/cluster.js';

test('a pending pod: which filter ruled out each node, and the FailedScheduling message built from the same record', t => {
	const cluster = clusterWith([
		nodeObject('big', {cpu: '8'}),
		nodeObject('small-1', {cpu: '1'}),
		nodeObject('small-2', {cpu: '1'}),
		nodeObject('tainted', {cpu: '8', taints: [{key: 'dedicated', value: 'gpu', effect: 'NoSchedule'}]}),
	]);
	cluster.run('cordon big');
	cluster.client.create('pods', podObject('heavy', {cpu: '2'}));
	stepUntil(cluster, () => eventsFor(cluster, 'heavy', 'FailedScheduling').length > 0, 5);
	const why = cluster.inspect.why('default', 'heavy');
	const [event] = eventsFor(cluster, 'heavy', 'FailedScheduling');
	t.is(why.message, event!.message);
	t.is(why.message, '0/4 nodes are available: 1 node(s) had untolerated taint(s), 1 node(s) were unschedulable, 2 Insufficient cpu.');
	t.is(why.feasible, 0);
	t.is(why.chosen, undefined);
	const row = (node: string) => why.rows.find(r => r.node === node)!;
	t.deepEqual(row('big').filters.map(f => f.result), ['failed', 'skipped', 'skipped', 'skipped']);
	t.deepEqual(row('tainted').filters.map(f => f.result), ['passed', 'failed', 'skipped', 'skipped']);
	t.deepEqual(row('small-1').filters.at(-1), {plugin: 'NodeResourcesFit', result: 'failed', reasons: ['Insufficient cpu']});
	t.deepEqual(why.filterPlugins, ['NodeUnschedulable', 'TaintToleration', 'NodeAffinity', 'NodeResourcesFit']);
	// Every count in the message is a count of failed verdicts in the grid.
	const reasons = why.rows.flatMap(r => r.filters.flatMap(f => (f.result === 'failed' ? f.reasons : [])));
	t.is(reasons.filter(r => r === 'Insufficient cpu').length, 2);
});

test('a scheduled pod: every feasible node with raw, normalized and weighted scores; the winner has the highest total', t => {
	const cluster = clusterWith([nodeObject('worker-1'), nodeObject('worker-2', {cpu: '8'}), nodeObject('worker-3', {cpu: '1'})]);
	cluster.client.create('deployments', deploymentObject('web', 1, {cpu: '500m'}));
	stepUntil(cluster, () => pods(cluster, 'app=web').some(p => p.spec?.nodeName), 10);
	const pod = pods(cluster, 'app=web')[0]!;
	const why = cluster.inspect.why('default', pod.metadata!.name!);
	t.is(why.chosen, pod.spec!.nodeName);
	t.is(why.feasible, 3);
	t.is(why.message, undefined);
	t.true(why.rows[0]!.chosen, 'the winner comes first');
	t.is(why.rows[0]!.node, pod.spec!.nodeName!);
	for (const row of why.rows) {
		t.is(row.scores!.length, 4);
		for (const s of row.scores!) t.is(s.weighted, s.normalized * s.weight);
		t.is(row.total, row.scores!.reduce((sum, s) => sum + s.weighted, 0));
		t.true(row.total! <= why.rows[0]!.total!);
	}
	t.deepEqual(why.rows[0]!.scores!.map(s => [s.plugin, s.weight]), [['TaintToleration', 3], ['PodTopologySpread', 2], ['NodeResourcesFit', 1], ['NodeResourcesBalancedAllocation', 1]]);
	// The emptiest node wins on LeastAllocated: the 8-cpu one.
	t.is(why.chosen, 'worker-2');
});

test('one feasible node is taken without scoring, as upstream', t => {
	const cluster = clusterWith([nodeObject('only')]);
	cluster.client.create('pods', podObject('solo'));
	stepUntil(cluster, () => cluster.client.get<Pod>('pods', 'solo').spec!.nodeName !== undefined, 5);
	const why = cluster.inspect.why('default', 'solo');
	t.true(why.scoringSkipped);
	t.is(why.chosen, 'only');
	t.is(why.rows[0]!.scores, undefined);
});

test('the kept records are bounded by node rows: a small cluster keeps a whole pass, a big one its first bindings', t => {
	const attempt = (tick: number, feasible: number) => ({tick, nodes: feasible, evaluated: feasible, reasons: new Map(), rejectedBy: new Uint8Array(0), filters: [], feasible: Array.from({length: feasible}, (_, i) => ({name: `n${i}`})) as never});
	const small = new RecentAttempts(4096, 1000);
	for (let i = 0; i < 900; i++) small.set(`p${i}`, attempt(1, 3));
	t.is(small.size, 900, 'every binding of the pass');
	for (let i = 900; i < 1200; i++) small.set(`p${i}`, attempt(2, 3));
	t.is(small.size, 1000, 'the pod cap: the next pass pushes out the oldest of the last');
	t.truthy(small.get('p1199'));
	t.is(small.get('p199'), undefined);
	t.truthy(small.get('p200'));

	const big = new RecentAttempts(4096, 1000);
	for (let i = 0; i < 50; i++) big.set(`a${i}`, attempt(1, 420));
	t.is(big.size, 9, '9 x 420 rows fit in 4,096: the first nine of the pass');
	t.truthy(big.get('a0'));
	t.is(big.get('a9'), undefined);
	for (let i = 0; i < 3; i++) big.set(`b${i}`, attempt(2, 420));
	t.is(big.size, 9, 'a new pass replaces the oldest records of the last');
	t.truthy(big.get('b2'));
	t.is(big.get('a0'), undefined);
	t.truthy(big.get('a8'));
	big.delete('b2');
	t.is(big.size, 8);
	const huge = new RecentAttempts(4096, 1000);
	huge.set('only', attempt(1, 5000));
	t.is(huge.size, 1, 'the first binding of a pass is always kept');
});

test('a binding whose grid is gone still says where it went and why the grid is missing', t => {
	const cluster = clusterWith([nodeObject('worker-1')]);
	cluster.client.create('pods', podObject('old'));
	stepUntil(cluster, () => cluster.client.get<Pod>('pods', 'old').spec!.nodeName !== undefined, 5);
	const pod = cluster.client.get<Pod>('pods', 'old');
	const report = whyReport(pod, undefined, {tick: 1, node: 'worker-1', feasible: 1, evaluated: 1, score: 0}, 7);
	t.is(report.note, 'bound to worker-1 at tick 1 (best of 1 feasible of 1 checked, score 0); the grid is kept for the newest bindings only (7 now)');
	t.deepEqual(report.rows, []);
	t.is(whyReport(pod, undefined, undefined, 0).note, 'on worker-1 without a scheduling cycle kept (spec.nodeName was set at creation, or it was bound long ago)');
});

test('a pod not yet tried, and a pod that does not exist', t => {
	const cluster = clusterWith([nodeObject('worker-1')]);
	cluster.client.create('pods', podObject('fresh'));
	t.is(cluster.inspect.why('default', 'fresh').note, 'not tried yet: the scheduler takes it at its next pass');
	const error = t.throws(() => cluster.inspect.why('default', 'nope'));
	t.true(isStatusError(error, 'NotFound'));
	t.is(error!.message, 'pods "nope" not found');
});
