import test from 'ava';
import {isStatusError, type Pod} from '../../source/cluster/index.js';
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

test('the record is bounded: older bindings keep only their placement', t => {
	const cluster = clusterWith([nodeObject('worker-1', {pods: '250', cpu: '64'}), nodeObject('worker-2', {pods: '250', cpu: '64'})]);
	cluster.client.create('deployments', deploymentObject('many', 120));
	stepUntil(cluster, () => pods(cluster, 'app=many').every(p => p.spec?.nodeName) && pods(cluster, 'app=many').length === 120, 20);
	const withGrid = pods(cluster, 'app=many').filter(p => cluster.inspect.why('default', p.metadata!.name!).rows.length > 0);
	t.is(withGrid.length, 100);
	const old = pods(cluster, 'app=many').find(p => cluster.inspect.why('default', p.metadata!.name!).rows.length === 0)!;
	const note = cluster.inspect.why('default', old.metadata!.name!).note!;
	t.regex(note, /^bound to worker-[12] at tick \d+ \(best of 2 feasible of 2 checked, score \d+\); the grid is kept for the newest 100 bindings only$/);
});

test('a pod not yet tried, and a pod that does not exist', t => {
	const cluster = clusterWith([nodeObject('worker-1')]);
	cluster.client.create('pods', podObject('fresh'));
	t.is(cluster.inspect.why('default', 'fresh').note, 'not tried yet: the scheduler takes it at its next pass');
	const error = t.throws(() => cluster.inspect.why('default', 'nope'));
	t.true(isStatusError(error, 'NotFound'));
	t.is(error!.message, 'pods "nope" not found');
});
