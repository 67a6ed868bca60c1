import test from 'ava';
import {CommandError, createCluster, isStatusError, lookupResource, type PriorityClass} from '../../source/cluster/index.js';

const pc = (name: string, value: number, fields: Partial<PriorityClass> = {}): PriorityClass =>
	({apiVersion: 'scheduling.k8s.io/v1', kind: 'PriorityClass', metadata: {name}, value, ...fields});

function statusError(fn: () => unknown) {
	try {
		fn();
	} catch (error) {
		if (isStatusError(error) || error instanceof CommandError) return error;
		throw error;
	}
	throw new Error('expected an error');
}

test('the system priority classes exist from the start, created by the apiserver', t => {
	const cluster = createCluster();
	const list = cluster.client.list<PriorityClass>('priorityclasses').items;
	t.deepEqual(list.map(p => [p.metadata!.name, p.value, p.globalDefault ?? false, p.preemptionPolicy]), [
		['system-cluster-critical', 2_000_000_000, false, 'PreemptLowerPriority'],
		['system-node-critical', 2_000_001_000, false, 'PreemptLowerPriority'],
	]);
	t.is(list[1]!.description, 'Used for system critical pods that must not be moved from their current node.');
	t.deepEqual(cluster.trace.list({tick: 0}).filter(e => e.resource === 'priorityclasses').map(e => e.component), ['system:apiserver', 'system:apiserver']);
});

test('system priority classes cannot be deleted or given another value', t => {
	const cluster = createCluster();
	t.is(statusError(() => cluster.run('delete priorityclass system-node-critical')).message,
		'Error from server (Forbidden): priorityclasses.scheduling.k8s.io "system-node-critical" is forbidden: this is a system priority class and cannot be deleted');
	t.is(statusError(() => cluster.run('delete pc/system-cluster-critical')).message,
		'Error from server (Forbidden): priorityclasses.scheduling.k8s.io "system-cluster-critical" is forbidden: this is a system priority class and cannot be deleted');
	const current = cluster.client.get<PriorityClass>('priorityclasses', 'system-node-critical');
	t.is(current.metadata!.generation, 1);
	// ValidatePriorityClassUpdate checks only what may not change (not the create-time name rules).
	t.is(statusError(() => cluster.client.update('priorityclasses', {...current, value: 5})).message,
		'PriorityClass.scheduling.k8s.io "system-node-critical" is invalid: value: Forbidden: may not be changed in an update.');
	t.is(cluster.client.update<PriorityClass>('priorityclasses', {...current, description: 'node agents'}).description, 'node agents');
	t.is(cluster.client.list('priorityclasses').items.length, 2);
});

test('user classes: value at most 1000000000, no system- names (upstream messages)', t => {
	const cluster = createCluster();
	t.is(statusError(() => cluster.client.create('priorityclasses', pc('huge', 1_000_000_001))).message,
		'PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000');
	t.is(statusError(() => cluster.client.create('priorityclasses', pc('system-mine', 10))).message,
		"PriorityClass.scheduling.k8s.io \"system-mine\" is invalid: metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class");
	t.is(statusError(() => cluster.client.create('priorityclasses', pc('odd', 10, {preemptionPolicy: 'Sometimes'}))).message,
		'PriorityClass.scheduling.k8s.io "odd" is invalid: preemptionPolicy: Unsupported value: "Sometimes": supported values: "PreemptLowerPriority", "Never"');
	const high = cluster.client.create<PriorityClass>('priorityclasses', pc('high', 1_000_000_000, {description: 'for the shop'}));
	t.is(high.preemptionPolicy, 'PreemptLowerPriority');
	t.is(cluster.client.delete('priorityclasses', 'high').metadata!.name, 'high');
});

test('value and preemptionPolicy are immutable; description may change', t => {
	const cluster = createCluster();
	const low = cluster.client.create<PriorityClass>('priorityclasses', pc('low', 10, {preemptionPolicy: 'Never'}));
	t.is(statusError(() => cluster.client.update('priorityclasses', {...low, value: 11})).message,
		'PriorityClass.scheduling.k8s.io "low" is invalid: value: Forbidden: may not be changed in an update.');
	t.is(statusError(() => cluster.client.update('priorityclasses', {...low, preemptionPolicy: 'PreemptLowerPriority'})).message,
		'PriorityClass.scheduling.k8s.io "low" is invalid: preemptionPolicy: Invalid value: "PreemptLowerPriority": field is immutable');
	t.is(cluster.client.update<PriorityClass>('priorityclasses', {...low, description: 'batch jobs'}).description, 'batch jobs');
});

test('at most one global default (the Priority admission plugin)', t => {
	const cluster = createCluster();
	const first = cluster.client.create<PriorityClass>('priorityclasses', pc('normal', 100, {globalDefault: true}));
	t.is(statusError(() => cluster.client.create('priorityclasses', pc('other', 50, {globalDefault: true}))).message,
		'priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass normal is already marked as default. Only one default can exist');
	const other = cluster.client.create<PriorityClass>('priorityclasses', pc('other', 50));
	t.is(statusError(() => cluster.client.update('priorityclasses', {...other, globalDefault: true})).message,
		'priorityclasses.scheduling.k8s.io "other" is forbidden: PriorityClass normal is already marked as default. Only one default can exist');
	// The default itself may be updated, and once it is no longer default another may become it.
	t.notThrows(() => cluster.client.update('priorityclasses', {...first, description: 'the default'}));
	cluster.client.update('priorityclasses', {...cluster.client.get<PriorityClass>('priorityclasses', 'normal'), globalDefault: false});
	t.true(cluster.client.update<PriorityClass>('priorityclasses', {...cluster.client.get<PriorityClass>('priorityclasses', 'other'), globalDefault: true}).globalDefault);
});

test('kubectl get priorityclasses prints NAME VALUE GLOBAL-DEFAULT AGE PREEMPTIONPOLICY', t => {
	const cluster = createCluster();
	const type = lookupResource('pc')!;
	t.is(lookupResource('priorityclasses.scheduling.k8s.io'), type);
	t.false(type.namespaced);
	const node = cluster.client.get<PriorityClass>('priorityclasses', 'system-node-critical');
	const now = Date.parse(node.metadata!.creationTimestamp!) + 3 * 60_000;
	t.deepEqual(type.columns.map(c => [c.name, c.value(node, {now})]),
		[['NAME', 'system-node-critical'], ['VALUE', '2000001000'], ['GLOBAL-DEFAULT', 'false'], ['AGE', '3m'], ['PREEMPTIONPOLICY', 'PreemptLowerPriority']]);
	t.deepEqual(type.describe!(node, {now}), [
		['Value', '2000001000'], ['GlobalDefault', 'false'], ['PreemptionPolicy', 'PreemptLowerPriority'],
		['Description', 'Used for system critical pods that must not be moved from their current node.'],
	]);
});
