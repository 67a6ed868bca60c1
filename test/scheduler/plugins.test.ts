import test from 'ava';
import type {Node, Pod} from '../../source/cluster/objects/types.js';
import {podInfo, nodeAllocatable, type NodeInfo} from '../../source/cluster/control-plane/scheduler/framework.js';
import {nodeUnschedulable} from '../../source/cluster/control-plane/scheduler/plugins/node-unschedulable.js';
import {taintToleration} from '../../source/cluster/control-plane/scheduler/plugins/taint-toleration.js';
import {nodeAffinity} from '../../source/cluster/control-plane/scheduler/plugins/node-affinity.js';
import {nodeResourcesFit, nodeResourcesBalancedAllocation} from '../../source/cluster/control-plane/scheduler/plugins/node-resources-fit.js';
import {podTopologySpread} from '../../source/cluster/control-plane/scheduler/plugins/pod-topology-spread.js';
import {failedSchedulingMessage, numFeasibleNodesToFind} from '../../source/cluster/control-plane/scheduler/scheduler.js';

const pod = (spec: Partial<NonNullable<Pod['spec']>> = {}, requests: Record<string, string> = {cpu: '500m', memory: '256Mi'}) =>
	podInfo({metadata: {name: 'p', namespace: 'default'}, spec: {containers: [{name: 'c', image: 'x', resources: {requests}}], ...spec}}, 'default/p');

function node(extra: Partial<Node> = {}, used = {milliCPU: 0, memory: 0, pods: 0}): NodeInfo {
	const n: Node = {metadata: {name: 'n1', labels: {zone: 'a'}}, spec: {}, status: {allocatable: {cpu: '2', memory: '4Gi', pods: '3'}}, ...extra};
	return {node: n, name: 'n1', allocatable: nodeAllocatable(n), requested: {milliCPU: used.milliCPU, memory: used.memory}, nonZeroRequested: {milliCPU: used.milliCPU, memory: used.memory}, pods: used.pods, owners: new Map()};
}

test('NodeUnschedulable: a cordoned node is refused unless the pod tolerates it', t => {
	t.deepEqual(nodeUnschedulable.filter(pod(), node({spec: {unschedulable: true}})), ['node(s) were unschedulable']);
	t.deepEqual(nodeUnschedulable.filter(pod({tolerations: [{key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule'}]}), node({spec: {unschedulable: true}})), []);
	t.deepEqual(nodeUnschedulable.filter(pod(), node()), []);
});

test('TaintToleration: NoSchedule taints need a toleration; PreferNoSchedule only lowers the score', t => {
	const tainted = node({spec: {taints: [{key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule'}]}});
	t.deepEqual(taintToleration.filter(pod(), tainted), ['node(s) had untolerated taint(s)']);
	t.deepEqual(taintToleration.filter(pod({tolerations: [{key: 'node-role.kubernetes.io/control-plane', operator: 'Exists'}]}), tainted), []);
	t.deepEqual(taintToleration.filter(pod({tolerations: [{key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule'}]}),
		node({spec: {taints: [{key: 'dedicated', value: 'db', effect: 'NoSchedule'}]}})), ['node(s) had untolerated taint(s)']);
	const prefer = node({spec: {taints: [{key: 'spot', effect: 'PreferNoSchedule'}]}});
	t.deepEqual(taintToleration.filter(pod(), prefer), []);
	t.deepEqual(taintToleration.normalize(taintToleration.score(pod(), [prefer, node()])), [0, 100]);
});

test('NodeAffinity: nodeSelector and required node affinity', t => {
	t.deepEqual(nodeAffinity.filter(pod({nodeSelector: {zone: 'b'}}), node()), ["node(s) didn't match Pod's node affinity/selector"]);
	t.deepEqual(nodeAffinity.filter(pod({nodeSelector: {zone: 'a'}}), node()), []);
	const affinity = (values: string[]) => ({nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: {nodeSelectorTerms: [{matchExpressions: [{key: 'zone', operator: 'In', values}]}]}}});
	t.deepEqual(nodeAffinity.filter(pod({affinity: affinity(['a', 'c'])}), node()), []);
	t.is(nodeAffinity.filter(pod({affinity: affinity(['c'])}), node()).length, 1);
});

test('NodeResourcesFit: every shortfall is a reason', t => {
	t.deepEqual(nodeResourcesFit.filter(pod(), node()), []);
	t.deepEqual(nodeResourcesFit.filter(pod(), node({}, {milliCPU: 1800, memory: 0, pods: 0})), ['Insufficient cpu']);
	t.deepEqual(nodeResourcesFit.filter(pod(), node({}, {milliCPU: 1800, memory: 4 * 1024 ** 3, pods: 3})), ['Too many pods', 'Insufficient cpu', 'Insufficient memory']);
	// A pod that requests nothing still needs a pod slot.
	t.deepEqual(nodeResourcesFit.filter(pod({}, {}), node({}, {milliCPU: 2000, memory: 0, pods: 0})), []);
});

test('scores: emptier nodes and balanced usage score higher', t => {
	const [empty, busy] = nodeResourcesFit.score(pod(), [node(), node({}, {milliCPU: 1000, memory: 1024 ** 3, pods: 1})]);
	t.true(empty! > busy!);
	t.deepEqual(nodeResourcesBalancedAllocation.score(pod({}, {cpu: '1', memory: '2Gi'}), [node()]), [100]);
	t.true(nodeResourcesBalancedAllocation.score(pod({}, {cpu: '2', memory: '1Mi'}), [node()])[0]! < 60);
});

test('FailedScheduling message: "count reason" strings sorted and joined, ending with a dot', t => {
	const reasons = new Map([
		['w1', ['Insufficient cpu']], ['w2', ['Insufficient cpu']], ['w3', ['Insufficient cpu']],
		['cordoned', ['node(s) were unschedulable']],
	]);
	t.is(failedSchedulingMessage(4, reasons), '0/4 nodes are available: 1 node(s) were unschedulable, 3 Insufficient cpu.');
	const both = new Map([['a', ['Insufficient cpu', 'Insufficient memory']], ['b', ['Too many pods']]]);
	t.is(failedSchedulingMessage(2, both), '0/2 nodes are available: 1 Insufficient cpu, 1 Insufficient memory, 1 Too many pods.');
	t.is(failedSchedulingMessage(0, new Map()), 'no nodes available to schedule pods');
});

test('percentageOfNodesToScore, adaptive: all nodes below 100, then 50% - n/125, at least 100', t => {
	t.is(numFeasibleNodesToFind(50), 50);
	t.is(numFeasibleNodesToFind(100), 100);
	t.is(numFeasibleNodesToFind(1000), 420);
	t.is(numFeasibleNodesToFind(5000), 500);
});

test('PodTopologySpread (system defaults): nodes with fewer pods of the same owner, in emptier zones, score higher', t => {
	const owned = podInfo({metadata: {name: 'p', namespace: 'default', ownerReferences: [{apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'web-x', uid: 'rs-1', controller: true}]}, spec: {containers: [{name: 'c', image: 'x'}]}}, 'default/p');
	const zoned = (name: string, zone: string, pods: number) => {
		const info = node({metadata: {name, labels: {'topology.kubernetes.io/zone': zone}}});
		return {...info, name, zone, owners: new Map(pods ? [['rs-1', pods]] : [])};
	};
	const nodes = [zoned('a', 'z1', 2), zoned('b', 'z1', 0), zoned('c', 'z2', 0)];
	const zones: Record<string, number> = {z1: 2, z2: 0};
	const ctx = {podsInZone: (_owner: string, zone: string) => zones[zone] ?? 0};
	const raw = podTopologySpread.score(owned, nodes, ctx);
	const scores = podTopologySpread.normalize(raw);
	t.true(scores[2]! > scores[1]! && scores[1]! > scores[0]!, `${scores}`);
	t.is(scores[2], 100);
	// A pod without an owner has nothing to spread.
	t.deepEqual(podTopologySpread.score(pod(), nodes, ctx), [0, 0, 0]);
});
