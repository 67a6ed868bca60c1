import test from 'ava';
import {summarizePod} from '../../source/cluster/objects/pod-status.js';
import type {Pod} from '../../source/cluster/objects/types.js';

const base = (status: Pod['status'], extra: Partial<Pod> = {}): Pod => ({
	metadata: {name: 'p', namespace: 'default'},
	spec: {containers: [{name: 'a', image: 'x'}, {name: 'b', image: 'y'}]},
	status,
	...extra,
});

test('a pod with no status yet is Pending with 0/N ready', t => {
	t.deepEqual(summarizePod(base(undefined)), {ready: 0, total: 2, status: 'Pending', restarts: 0});
});

test('waiting containers show their reason (ContainerCreating, CrashLoopBackOff)', t => {
	const pod = base({phase: 'Pending', containerStatuses: [
		{name: 'a', image: 'x', imageID: '', ready: false, restartCount: 0, state: {waiting: {reason: 'ContainerCreating'}}},
		{name: 'b', image: 'y', imageID: '', ready: false, restartCount: 0, state: {waiting: {reason: 'ContainerCreating'}}},
	]});
	t.is(summarizePod(pod).status, 'ContainerCreating');
	const crash = base({phase: 'Running', containerStatuses: [
		{name: 'a', image: 'x', imageID: '', ready: true, restartCount: 0, state: {running: {}}},
		{name: 'b', image: 'y', imageID: '', ready: false, restartCount: 4, state: {waiting: {reason: 'CrashLoopBackOff'}}},
	]});
	t.deepEqual(summarizePod(crash), {ready: 1, total: 2, status: 'CrashLoopBackOff', restarts: 4});
});

test('running and ready containers count in READY', t => {
	const pod = base({phase: 'Running', containerStatuses: [
		{name: 'a', image: 'x', imageID: '', ready: true, restartCount: 1, state: {running: {}}},
		{name: 'b', image: 'y', imageID: '', ready: true, restartCount: 2, state: {running: {}}},
	]});
	t.deepEqual(summarizePod(pod), {ready: 2, total: 2, status: 'Running', restarts: 3});
});

test('a pod being deleted shows Terminating, a finished one does not', t => {
	const deleting = base({phase: 'Running'}, {metadata: {name: 'p', deletionTimestamp: '2026-01-01T00:00:30Z'}});
	t.is(summarizePod(deleting).status, 'Terminating');
	const done = base({phase: 'Succeeded'}, {metadata: {name: 'p', deletionTimestamp: '2026-01-01T00:00:30Z'}});
	t.is(summarizePod(done).status, 'Succeeded');
});

test('init containers show Init:i/n, and sidecars count in the total', t => {
	const pod: Pod = {
		metadata: {name: 'p'},
		spec: {
			initContainers: [{name: 'migrate', image: 'm'}, {name: 'proxy', image: 'p', restartPolicy: 'Always'}],
			containers: [{name: 'app', image: 'a'}],
		},
		status: {phase: 'Pending', initContainerStatuses: [
			{name: 'migrate', image: 'm', imageID: '', ready: false, restartCount: 0, state: {running: {}}},
			{name: 'proxy', image: 'p', imageID: '', ready: false, restartCount: 0, state: {waiting: {reason: 'PodInitializing'}}},
		]},
	};
	t.deepEqual(summarizePod(pod), {ready: 0, total: 2, status: 'Init:0/2', restarts: 0});
});
