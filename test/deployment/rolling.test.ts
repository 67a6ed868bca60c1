import test from 'ava';
import type {Deployment, ReplicaSet} from '../../source/cluster/objects/types.js';
import {resolveFenceposts, maxUnavailable, computeHash} from '../../source/cluster/control-plane/controllers/deployment/util.js';
import {newReplicaSetReplicas, oldReplicaSetScaleDowns} from '../../source/cluster/control-plane/controllers/deployment/rolling.js';

const deployment = (replicas: number, maxSurge: number | string = '25%', maxUnavailable: number | string = '25%'): Deployment => ({
	metadata: {name: 'web'},
	spec: {replicas, selector: {matchLabels: {app: 'web'}}, template: {}, strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge, maxUnavailable}}},
});

const rs = (name: string, replicas: number, available = replicas, created = '2026-01-01T00:00:00Z'): ReplicaSet => ({
	metadata: {name, creationTimestamp: created},
	spec: {replicas, selector: {}},
	status: {replicas, availableReplicas: available},
});

test('surge rounds up and unavailable rounds down (the reference numbers)', t => {
	t.deepEqual(resolveFenceposts(deployment(10)), {surge: 3, unavailable: 2});
	t.deepEqual(resolveFenceposts(deployment(1)), {surge: 1, unavailable: 0});
	t.deepEqual(resolveFenceposts(deployment(4, 0, 0)), {surge: 0, unavailable: 1});
	t.is(maxUnavailable(deployment(3, 1, 5)), 3);
});

test('a new ReplicaSet grows by at most the surge above the total', t => {
	const d = deployment(10);
	const old = rs('web-old', 10);
	// No new RS yet: maxTotal 13, 10 exist, so the new one starts at 3.
	t.is(newReplicaSetReplicas(d, [old], undefined), 3);
	const fresh = rs('web-new', 3, 0);
	// 13 pods already: no more growth until old pods go.
	t.is(newReplicaSetReplicas(d, [old, fresh], fresh), 3);
	const shrunk = rs('web-old', 8);
	t.is(newReplicaSetReplicas(d, [shrunk, fresh], fresh), 5);
	// Scaling a lone ReplicaSet follows spec.replicas.
	t.is(newReplicaSetReplicas(d, [rs('web-new', 12)], rs('web-new', 12)), 10);
});

test('old ReplicaSets shrink to keep desired - maxUnavailable available, unhealthy pods first', t => {
	const d = deployment(10);
	const newRS = rs('web-new', 3, 0);
	// 13 pods, minAvailable 8, new RS has 3 unavailable: maxScaledDown = 13 - 8 - 3 = 2.
	t.deepEqual(oldReplicaSetScaleDowns(d, [rs('web-old', 10)], newRS).map(x => x.replicas), [8]);
	// Two old pods are not available: they go first, and they count against the same budget.
	const unhealthy = rs('web-old', 10, 8);
	t.deepEqual(oldReplicaSetScaleDowns(d, [unhealthy], newRS).map(x => x.replicas), [8]);
	// Nothing to do while the new pods are not available and the budget is spent.
	t.deepEqual(oldReplicaSetScaleDowns(d, [rs('web-old', 8)], rs('web-new', 5, 0)), []);
});

test('the oldest ReplicaSet is scaled down first', t => {
	const d = deployment(4, 1, 1);
	const older = rs('web-a', 2, 2, '2026-01-01T00:00:00Z');
	const newer = rs('web-b', 2, 2, '2026-01-01T00:01:00Z');
	const newRS = rs('web-c', 1, 1);
	const result = oldReplicaSetScaleDowns(d, [older, newer], newRS);
	t.is(result[0]!.rs.metadata!.name, 'web-a');
});

test('the pod-template-hash is stable, ignores key order, and changes with the template or collisionCount', t => {
	const a = computeHash({metadata: {labels: {app: 'web', tier: 'x'}}, spec: {containers: [{name: 'n', image: 'nginx:1.27'}]}});
	const b = computeHash({spec: {containers: [{image: 'nginx:1.27', name: 'n'}]}, metadata: {labels: {tier: 'x', app: 'web'}}});
	t.is(a, b);
	t.regex(a, /^[bcdfghjklmnpqrstvwxz2456789]+$/);
	t.not(a, computeHash({metadata: {labels: {app: 'web', tier: 'x'}}, spec: {containers: [{name: 'n', image: 'nginx:1.28'}]}}));
	t.not(a, computeHash({metadata: {labels: {app: 'web', tier: 'x'}}, spec: {containers: [{name: 'n', image: 'nginx:1.27'}]}}, 1));
});
