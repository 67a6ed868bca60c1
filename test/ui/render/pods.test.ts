import test from 'ava';
import {podColumns, pods, podTone} from '../../../source/ui/render/pods.js';
import {createTheme, k9sColors} from '../../../source/ui/theme.js';
import {ctxAt, pod} from '../helpers/objects.js';

const row = (p: ReturnType<typeof pod>, seconds = 90) => Object.fromEntries(podColumns.filter(c => !('wide' in c && c.wide)).map(c => [c.title, c.value(p, ctxAt(seconds))]));

test('a running pod renders kubectl\'s pod columns (IP and NODE shown, as k9s does), with AGE from simulated time', t => {
	const p = pod('web-1', {phase: 'Running', ready: true, node: 'worker-1', ip: '10.244.1.2', restarts: 2, created: 30});
	t.deepEqual(row(p), {
		NAMESPACE: 'default', NAME: 'web-1', READY: '1/1', STATUS: 'Running', RESTARTS: '2', AGE: '60s', IP: '10.244.1.2', NODE: 'worker-1',
	});
	t.deepEqual(podColumns.filter(c => !('wide' in c && c.wide)).map(c => c.title), ['NAMESPACE', 'NAME', 'READY', 'STATUS', 'RESTARTS', 'AGE', 'IP', 'NODE']);
	t.is(podTone(p), 'normal');
});

test('an unscheduled pod shows <none> for IP and NODE, as kubectl does, and is pending (dark orange)', t => {
	const p = pod('batch-1');
	t.is(row(p)['STATUS'], 'Pending');
	t.is(row(p)['IP'], '<none>');
	t.is(row(p)['NODE'], '<none>');
	t.is(podTone(p), 'pending');
	t.is(createTheme(true).tone[podTone(p)], k9sColors.pending);
});

test('a pod in CrashLoopBackOff is coloured as an error row', t => {
	const p = pod('web-2', {phase: 'Running', restarts: 5, state: {waiting: {reason: 'CrashLoopBackOff', message: 'back-off 40s'}}});
	t.is(row(p)['STATUS'], 'CrashLoopBackOff');
	t.is(row(p)['RESTARTS'], '5');
	t.is(podTone(p), 'error');
	t.is(createTheme(true).tone[podTone(p)], k9sColors.error);
});

test('statuses map to the k9s row colours', t => {
	t.is(podTone(pod('a', {phase: 'Pending', state: {waiting: {reason: 'ContainerCreating'}}})), 'pending');
	t.is(podTone(pod('b', {phase: 'Pending', state: {waiting: {reason: 'ImagePullBackOff'}}})), 'error');
	t.is(podTone(pod('c', {phase: 'Running', ready: true, deleting: true})), 'terminating');
	t.is(podTone(pod('d', {phase: 'Succeeded', state: {terminated: {exitCode: 0, reason: 'Completed'}}})), 'completed');
	// Running but a container is not ready: k9s flags the row.
	t.is(podTone(pod('e', {phase: 'Running', ready: false})), 'error');
});

test('without colour no tone has a colour: the STATUS text carries the meaning', t => {
	const theme = createTheme(false);
	t.true(Object.values(theme.tone).every(c => c === undefined));
	t.deepEqual(theme.cursor, {inverse: true});
});

test('pods sort by namespace, then name', t => {
	const sorted = [pod('b', {namespace: 'x'}), pod('c'), pod('a', {namespace: 'x'}), pod('a')].sort(pods.compare);
	t.deepEqual(sorted.map(p => `${p.metadata!.namespace}/${p.metadata!.name}`), ['default/a', 'default/c', 'x/a', 'x/b']);
});
