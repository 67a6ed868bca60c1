import test from 'ava';
import {createCluster, isStatusError, type Pod, type PodSpec, type PriorityClass} from '../../source/cluster/index.js';
import {deploymentObject, nodeObject, podObject, pods, stepUntil, clusterWith} from '../helpers/cluster.js';

const pc = (name: string, value: number, fields: Partial<PriorityClass> = {}): PriorityClass =>
	({apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: {name}, value, ...fields});
const podWith = (name: string, spec: Partial<PodSpec>): Pod => ({...podObject(name), spec: {...podObject(name).spec!, ...spec}});

function forbidden(fn: () => unknown): string {
	try {
		fn();
	} catch (error) {
		if (isStatusError(error, 'Forbidden')) return error.message;
		throw error;
	}
	throw new Error('expected Forbidden');
}

test('without a class and without a global default: priority 0, PreemptLowerPriority, no class name', t => {
	const cluster = createCluster();
	const spec = cluster.client.create<Pod>('pods', podObject('p')).spec!;
	t.is(spec.priority, 0);
	t.is(spec.preemptionPolicy, 'PreemptLowerPriority');
	t.is(spec.priorityClassName, undefined);
});

test('spec.priorityClassName resolves to the class\'s value and preemptionPolicy', t => {
	const cluster = createCluster();
	cluster.client.create('priorityclasses', pc('batch', 1000, {preemptionPolicy: 'Never'}));
	const spec = cluster.client.create<Pod>('pods', podWith('p', {priorityClassName: 'batch'})).spec!;
	t.deepEqual([spec.priority, spec.preemptionPolicy], [1000, 'Never']);
	const critical = cluster.client.create<Pod>('pods', podWith('q', {priorityClassName: 'system-node-critical'})).spec!;
	t.is(critical.priority, 2_000_001_000);
});

test('the global default class applies to pods that name none, and its name is set on them', t => {
	const cluster = createCluster();
	cluster.client.create('priorityclasses', pc('normal', 500, {globalDefault: true}));
	const spec = cluster.client.create<Pod>('pods', podObject('p')).spec!;
	t.deepEqual([spec.priorityClassName, spec.priority, spec.preemptionPolicy], ['normal', 500, 'PreemptLowerPriority']);
});

test('an unknown class is refused with upstream\'s message (the generateName prefix for generated names)', t => {
	const cluster = createCluster();
	t.is(forbidden(() => cluster.client.create('pods', podWith('x', {priorityClassName: 'nope'}))), 'pods "x" is forbidden: no PriorityClass with name nope was found');
	t.is(forbidden(() => cluster.client.create('pods', {...podWith('x', {priorityClassName: 'nope'}), metadata: {generateName: 'web-'}})),
		'pods "web-" is forbidden: no PriorityClass with name nope was found');
	t.is(cluster.client.list('pods').items.length, 0);
});

test('a pod may not choose its own priority or preemptionPolicy', t => {
	const cluster = createCluster();
	t.is(forbidden(() => cluster.client.create('pods', podWith('p', {priority: 5}))),
		'pods "p" is forbidden: the integer value of priority (5) must not be provided in pod spec; priority admission controller computed 0 from the given PriorityClass name');
	cluster.client.create('priorityclasses', pc('batch', 1000));
	t.is(forbidden(() => cluster.client.create('pods', podWith('q', {priorityClassName: 'batch', preemptionPolicy: 'Never'}))),
		'pods "q" is forbidden: the string value of PreemptionPolicy (Never) must not be provided in pod spec; priority admission controller computed PreemptLowerPriority from the given PriorityClass name');
	// The value the plugin would compute anyway is accepted.
	t.is(cluster.client.create<Pod>('pods', podWith('r', {priorityClassName: 'batch', priority: 1000})).spec!.priority, 1000);
});

test('an update that leaves priority out keeps it', t => {
	const cluster = createCluster();
	cluster.client.create('priorityclasses', pc('batch', 1000));
	const pod = cluster.client.create<Pod>('pods', podWith('p', {priorityClassName: 'batch'}));
	const {priority: _p, preemptionPolicy: _pp, ...spec} = pod.spec!;
	const updated = cluster.client.update<Pod>('pods', {...pod, spec: {...spec, containers: [{...spec.containers[0]!, image: 'nginx:1.28'}]}});
	t.deepEqual([updated.spec!.priority, updated.spec!.preemptionPolicy, updated.spec!.containers[0]!.image], [1000, 'PreemptLowerPriority', 'nginx:1.28']);
});

test('a deployment\'s pods get the priority of their template\'s class', t => {
	const cluster = clusterWith([nodeObject('node-1')]);
	cluster.client.create('priorityclasses', pc('web-tier', 300));
	const d = deploymentObject('web', 2);
	d.spec!.template.spec!.priorityClassName = 'web-tier';
	cluster.client.create('deployments', d);
	stepUntil(cluster, () => pods(cluster, 'app=web').length === 2, 5);
	t.deepEqual(pods(cluster, 'app=web').map(p => p.spec!.priority), [300, 300]);
	// The template itself is not admitted: no priority there.
	t.is(cluster.client.get<typeof d>('deployments', 'web').spec!.template.spec!.priority, undefined);
});
