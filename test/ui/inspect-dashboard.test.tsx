import test from 'ava';
import {App} from '../../source/ui/app.js';
import {defaultCluster} from './helpers/cluster.js';
import {renderTerminal} from './helpers/terminal.js';

const keys = {tab: '\t', enter: '\r', esc: '\x1b'};

async function dashboard(size = {columns: 80, rows: 24}) {
	const cluster = defaultCluster(0);
	const term = await renderTerminal(<App cluster={cluster} color={false} />, size);
	return {cluster, term};
}

test('each n shows its hop in the bottom line; t opens the trace, [ goes back a tick, Enter goes to the object, Esc returns', async t => {
	const {term} = await dashboard();
	await term.press('n', 'n', 'n');
	await term.waitFor(f => f.includes('Tick 3 '));
	t.regex(term.lines().at(-1)!, /<pods> {2}tick 3: kube-scheduler bound 8 pods, could not schedule 1 pod/);
	t.is(term.lines().length, 24, 'the summary takes no extra line');

	await term.press('t');
	await term.waitFor(f => f.includes(' trace(tick 3)['));
	t.regex(term.lastFrame(), /kube-scheduler +bound default\/\S+ to worker-\d/);
	t.true(term.lines().at(-1)!.includes('<trace>'));
	await term.press('[');
	await term.waitFor(f => f.includes(' trace(tick 2)['));
	t.regex(term.lastFrame(), /replicaset-controller created pod default\/web-/);
	t.true(term.lines().at(-1)!.includes('<trace:2>'));
	await term.press(keys.enter); // the first line: deployment-controller updated deployment default/web
	await term.waitFor(f => f.includes('<deployments:web>'));
	t.regex(term.lastFrame(), /║>web /, 'the cursor is on the object');
	await term.press(keys.esc);
	await term.waitFor(f => f.includes(' trace(tick 2)['));
	await term.press(']');
	await term.waitFor(f => f.includes(' trace(tick 3)['));
	await term.press(keys.esc);
	await term.waitFor(f => f.includes(' pods(all)['));
	term.unmount();
});

test('w on a pod shows the scheduler\'s grid; on a node it says it works on pods; :why pod/nope is an error', async t => {
	const {term} = await dashboard({columns: 120, rows: 40});
	await term.press('n', 'n', 'n');
	await term.waitFor(f => f.includes('Tick 3 '));
	await term.press('w');
	await term.waitFor(f => f.includes(' why(default/'));
	t.regex(term.lastFrame(), /NODE +UNSCHED +TAINT +AFFINITY +FIT +TAINT×3 +SPREAD×2 +FIT×1 +BALANCED×1 +TOTAL/);
	t.regex(term.lastFrame(), /║>\*worker-\d/, 'the chosen node first, marked');
	t.regex(term.lastFrame(), /control-plane +✓ +had untolerated taint\(s\) +- +-/);
	await term.press(keys.esc);
	await term.waitFor(f => f.includes(' pods(all)['));

	term.stdin.write(':why pod/nope\r');
	await term.waitFor(f => f.includes('error: why: pods "nope" not found in namespace "default"'));
	t.false(term.lastFrame().includes(' why('));

	await term.press(keys.tab, keys.tab, keys.tab); // pods -> events -> deployments -> nodes
	await term.waitFor(f => f.includes('<nodes>'));
	await term.press('w');
	await term.waitFor(f => f.includes('warning: w: why works on pods, not nodes'));
	term.unmount();
});

test(':why of a pending pod shows each node\'s verdict and the whole FailedScheduling message; :cp the control plane', async t => {
	const {cluster, term} = await dashboard();
	await term.press('n', 'n', 'n');
	await term.waitFor(f => f.includes('Tick 3 '));
	const pending = cluster.client.list('pods').items.find(p => !(p.spec as {nodeName?: string}).nodeName)!;
	term.stdin.write(`:why pod/${pending.metadata!.name}\r`);
	await term.waitFor(f => f.includes('FailedScheduling:'));
	t.true(term.lastFrame().replace(/\n/g, ' ').includes('0/4 nodes are available: 1 node(s) had untolerated taint(s), 3 Insufficient cpu.'));
	await term.press(keys.esc);
	term.stdin.write(':cp\r');
	await term.waitFor(f => f.includes(' control-plane(tick 3)['));
	t.regex(term.lastFrame(), /kube-scheduler +idle +0 active/);
	t.regex(term.lastFrame(), /cloud-controller-manager +running/);
	// The kubelets come after the controllers (the endpointslice controller and the cloud's make the list longer).
	await term.press(...Array.from({length: 22}, () => 'j'));
	await term.waitFor(f => /kubelet@worker-1/.test(f));
	await term.press('?');
	await term.waitFor(f => f.includes(' Help(control-plane) ['));
	term.unmount();
});
