import test from 'ava';
import {ControlPlaneView} from '../../../source/ui/views/control-plane/ControlPlaneView.js';
import {controlPlaneRows} from '../../../source/ui/views/control-plane/rows.js';
import {createTheme} from '../../../source/ui/theme.js';
import type {ControlPlaneState} from '../../../source/cluster/index.js';
import {renderTerminal} from '../helpers/terminal.js';
import {fits, scheduledCluster, sizes} from './fixture.js';

test('rows: apiserver, etcd, scheduler queues, the controller manager and its controllers, then the kubelets', t => {
	const {cluster} = scheduledCluster();
	const rows = controlPlaneRows(cluster.inspect.controlPlane());
	const names = rows.map(r => r.cells[0]);
	t.deepEqual(names.slice(0, 4), ['kube-apiserver', 'etcd', 'kube-scheduler', 'kube-controller-manager']);
	t.true(names.includes('  replicaset-controller'));
	t.deepEqual(names.slice(-4), ['kubelet@control-plane', 'kubelet@worker-1', 'kubelet@worker-2', 'kubelet@worker-3']);
	const scheduler = rows[2]!;
	t.is(scheduler.cells[2], '0 active, 0 backoff, 1 unschedulable');
	t.regex(scheduler.cells[3]!, /^bound 8, \d+ writes$/);
	t.regex(rows[1]!.cells[3]!, /^revision \d+$/);
	t.regex(rows[1]!.cells[4]!, /^\d+ keys, compacted at 0: namespaces 4, nodes 4, /);
});

test('a component in backoff or stopped shows its state as given, with its last error', t => {
	const state: ControlPlaneState = {
		tick: 9,
		apiserver: {writes: 0, watchers: 0, watchersByResource: []},
		etcd: {revision: 1, objects: 1, compactRevision: 0, keys: []},
		controllers: [{name: 'replicaset-controller', identity: 'x', process: 'controller-manager', state: 'backoff', queue: 2, writes: 0, failures: 3, lastError: 'boom'}],
		kubelets: [{name: 'kubelet@n1', identity: 'system:node:n1', process: 'kubelet', node: 'n1', state: 'stopped', queue: 0, writes: 0, failures: 0, pods: 4}],
	};
	const rows = controlPlaneRows(state);
	const rs = rows.find(r => r.key === 'replicaset-controller')!;
	t.is(rs.tone, 'error');
	t.deepEqual(rs.cells.slice(1), ['backoff', '2', '0 writes', '3 failures; last error: boom']);
	const kubelet = rows.find(r => r.key === 'kubelet@n1')!;
	t.is(kubelet.cells[1], 'stopped');
	t.is(kubelet.tone, 'pending');
	t.false(rows.some(r => r.key === 'kube-scheduler'), 'no scheduler row when there is none');
});

for (const [columns, rows] of sizes) {
	test(`renders within ${columns}x${rows} without colour`, async t => {
		const {cluster} = scheduledCluster();
		const term = await renderTerminal(<ControlPlaneView state={cluster.inspect.controlPlane()} width={columns} height={rows} cursor={0} theme={createTheme(false)} />, {columns, rows, input: false});
		const frame = term.lastFrame();
		t.is(fits(frame, columns, rows), undefined);
		t.true(frame.includes('control-plane(tick 3)'));
		t.true(frame.includes('kube-apiserver'));
		term.unmount();
	});
}

test('stopped processes show as stopped: the controller manager and its controllers, the scheduler, a kubelet', t => {
	const {cluster} = scheduledCluster();
	cluster.run('stop controller-manager');
	cluster.run('stop scheduler');
	cluster.run('stop kubelet/worker-2');
	const rows = controlPlaneRows(cluster.inspect.controlPlane());
	const state = (key: string) => rows.find(r => r.key === key)!.cells[1];
	t.is(state('kube-controller-manager'), 'stopped');
	t.is(state('replicaset-controller'), 'stopped');
	t.is(state('kube-scheduler'), 'stopped');
	t.is(state('kubelet@worker-2'), 'stopped');
	t.is(state('kubelet@worker-1'), 'idle');
	t.is(rows.find(r => r.key === 'kube-controller-manager')!.tone, 'pending');
});
