import test from 'ava';
import type {Deployment, ReplicaSet} from '../../source/cluster/index.js';
import {maxSurge, maxUnavailable, resolveFenceposts} from '../../source/cluster/control-plane/controllers/deployment/util.js';
import {newReplicaSetReplicas, oldReplicaSetScaleDowns} from '../../source/cluster/control-plane/controllers/deployment/rolling.js';

function deployment(replicas: number, surge: number | string = '25%', unavailable: number | string = '25%'): Deployment {
	return {
		apiVersion: 'apps/v1', kind: 'Deployment', metadata: {name: 'web'},
		spec: {replicas, selector: {matchLabels: {app: 'web'}}, strategy: {type: 'RollingUpdate', rollingUpdate: {maxSurge: surge, maxUnavailable: unavailable}}, template: {}},
	} as Deployment;
}

function rs(name: string, replicas: number, available = replicas, created = '2026-01-01T00:00:00Z'): ReplicaSet {
	return {apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: {name, creationTimestamp: created}, spec: {replicas, selector: {}}, status: {replicas, availableReplicas: available}} as ReplicaSet;
}

test('fenceposts: surge rounds up, unavailable rounds down, both zero means one unavailable', t => {
	t.deepEqual(resolveFenceposts(deployment(10)), {surge: 3, unavailable: 2});
	t.deepEqual(resolveFenceposts(deployment(1)), {surge: 1, unavailable: 0});
	t.deepEqual(resolveFenceposts(deployment(4)), {surge: 1, unavailable: 1});
	t.deepEqual(resolveFenceposts(deployment(3, 0, '10%')), {surge: 0, unavailable: 1});
	t.deepEqual(resolveFenceposts(deployment(5, 2, 1)), {surge: 2, unavailable: 1});
	t.is(maxSurge(deployment(10)), 3);
	t.is(maxUnavailable(deployment(10)), 2);
	t.is(maxUnavailable(deployment(2, 0, 5)), 2);
	const recreate = {...deployment(10), spec: {...deployment(10).spec!, strategy: {type: 'Recreate'}}} as Deployment;
	t.is(maxSurge(recreate), 0);
	t.is(maxUnavailable(recreate), 0);
});

test('new ReplicaSet growth: up to desired + surge in total, never past desired', t => {
	const d = deployment(10); // surge 3
	const old = rs('old', 10);
	t.is(newReplicaSetReplicas(d, [old], undefined), 3);
	const fresh = rs('new', 3, 0);
	t.is(newReplicaSetReplicas(d, [old, fresh], fresh), 3); // total 13 = max: wait
	const shrunk = rs('old', 8);
	t.is(newReplicaSetReplicas(d, [shrunk, fresh], fresh), 5);
	const nearly = rs('new', 9, 9);
	t.is(newReplicaSetReplicas(d, [rs('old', 1), nearly], nearly), 10);
	t.is(newReplicaSetReplicas(d, [rs('new', 12)], rs('new', 12)), 10);
});

test('old ReplicaSet shrink: never below desired - maxUnavailable available pods', t => {
	const d = deployment(10); // unavailable 2, min available 8
	const old = rs('old', 10, 10);
	const fresh = rs('new', 3, 0);
	// allPods 13, newUnavailable 3 -> maxScaledDown 13 - 8 - 3 = 2; available 10 -> may remove 2.
	t.deepEqual(oldReplicaSetScaleDowns(d, [old], fresh).map(x => [x.rs.metadata!.name, x.replicas]), [['old', 8]]);
	// Nothing available on the new side and the old already at the floor: nothing to do.
	t.deepEqual(oldReplicaSetScaleDowns(d, [rs('old', 8, 8)], rs('new', 5, 0)), []);
	// Unhealthy old pods go first and cost nothing: 4 of 10 are unavailable.
	const sick = rs('old', 10, 6);
	t.deepEqual(oldReplicaSetScaleDowns(d, [sick], rs('new', 3, 0)).map(x => x.replicas), [8]);
	// Oldest first across several old ReplicaSets.
	const older = rs('older', 2, 2, '2026-01-01T00:00:00Z');
	const newer = rs('newer', 8, 8, '2026-01-01T00:01:00Z');
	t.deepEqual(oldReplicaSetScaleDowns(d, [older, newer], rs('new', 3, 3)).map(x => [x.rs.metadata!.name, x.replicas]), [['older', 0], ['newer', 5]]);
});
