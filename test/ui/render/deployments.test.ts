import test from 'ava';
import {deploymentColumns, deploymentTone} from '../../../source/ui/render/deployments.js';
import {ctxAt, deployment} from '../helpers/objects.js';

const cells = (d: ReturnType<typeof deployment>) => Object.fromEntries(deploymentColumns.map(c => [c.title, c.value(d, ctxAt(300))]));

test('READY is ready/desired as kubectl prints it (one definition with the headless tables), with UP-TO-DATE and AVAILABLE', t => {
	const d = deployment('web', {replicas: 5, available: 3, ready: 4, updated: 4});
	const row = cells(d);
	t.is(row['READY'], '4/5');
	t.is(row['UP-TO-DATE'], '4');
	t.is(row['AVAILABLE'], '3');
	t.is(row['AGE'], '5m');
	t.is(row['SELECTOR'], 'app=web');
	t.is(row['CONTAINERS'], 'app');
	t.is(row['IMAGES'], 'nginx');
	t.deepEqual(deploymentColumns.filter(c => !('wide' in c && c.wide)).map(c => c.title), ['NAMESPACE', 'NAME', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'AGE']);
});

test('tones: all available is normal, on its way is pending, scaled to 0 is pending, a failed rollout is an error', t => {
	t.is(deploymentTone(deployment('a', {replicas: 2, available: 2})), 'normal');
	t.is(deploymentTone(deployment('b', {replicas: 3, available: 1})), 'pending');
	t.is(deploymentTone(deployment('c', {replicas: 0, available: 0})), 'pending');
	t.is(deploymentTone(deployment('d', {replicas: 3, available: 1, failed: true})), 'error');
});
