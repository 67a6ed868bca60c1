import test from 'ava';
import type {Deployment, Node, Pod} from '../../source/cluster/index.js';
import {App} from '../../source/ui/app.js';
import {defaultCluster} from './helpers/cluster.js';
import {renderTerminal, type Terminal} from './helpers/terminal.js';

const keys = {tab: '\t', enter: '\r', esc: '\x1b', down: '\x1b[B', backspace: '\x7f', ctrlD: '\x04', ctrlC: '\x03'};

async function dashboard(ticks = 0, size = {columns: 120, rows: 40}) {
	const cluster = defaultCluster(ticks);
	const term = await renderTerminal(<App cluster={cluster} color={false} />, size);
	return {cluster, term};
}

/** The line of the frame holding a pane's title (its top border). */
const titleLine = (term: Terminal, title: string) => term.lines().find(l => l.includes(title)) ?? '';

test('the first frame shows the header, the four panes with titles and columns, and Paused', async t => {
	const {term} = await dashboard();
	const frame = term.lastFrame();
	t.regex(frame, /Cluster: kubetui/);
	t.regex(frame, /Tick 0 · Paused · 1x/);
	t.regex(frame, /2026-01-01 00:00:00/);
	for (const title of [' deployments(all)[3] ', ' nodes[4] ', ' pods(all)[0] ', ' events(all)[']) t.true(frame.includes(title), title);
	t.regex(frame, /NAMESPACE\s+NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE/);
	t.regex(frame, /NAME\s+READY\s+UP-TO-DATE/);
	t.regex(frame, /NAME\s+STATUS\s+(ROLES\s+)?.*PODS\s+CPU\s+(MEM\s+)?AGE/);
	t.regex(frame, /LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE/);
	t.is(term.lines().length, 40);
	term.unmount();
});

test('n steps the cluster one tick: the tick moves and pods appear, then change status', async t => {
	const {cluster, term} = await dashboard();
	await term.press('n');
	await term.waitFor(f => f.includes('Tick 1 ·'));
	t.is(cluster.clock.tick, 1);
	for (let i = 0; i < 4; i++) await term.press('n');
	const frame = await term.waitFor(f => f.includes('Tick 5 ·'));
	const pods = cluster.client.list<Pod>('pods').items.length;
	t.true(pods > 0);
	t.true(frame.includes(` pods(all)[${pods}] `));
	t.regex(frame, /web-\S+\s+0\/1\s+(Pending|ContainerCreating)/);
	// Keys typed while a tick runs reach Ink as one chunk: every one of them still steps.
	term.stdin.write('nnnnnn');
	await term.waitFor(f => /web-\S+\s+1\/1\s+Running/.test(f) && f.includes('Tick 11 ·'));
	t.is(cluster.clock.tick, 11);
	term.unmount();
});

test('Tab moves focus from pane to pane (double border and the breadcrumb show it without colour)', async t => {
	const {term} = await dashboard(10);
	t.true(titleLine(term, ' pods(all)[').startsWith('╔'));
	t.true(term.lines().at(-1)!.includes('<pods>'));
	await term.press(keys.tab);
	await term.waitFor(f => f.includes('<events>'));
	t.true(titleLine(term, ' events(all)[').startsWith('╔'));
	t.true(titleLine(term, ' pods(all)[').startsWith('┌'));
	await term.press(keys.tab);
	await term.waitFor(() => titleLine(term, ' deployments(all)[').startsWith('╔'));
	t.true(term.lastFrame().includes('<s> Scale'), 'the header hints the focused pane\'s keys');
	term.unmount();
});

test('s opens the scale dialog prefilled with spec.replicas; editing and Enter scale the deployment', async t => {
	const {cluster, term} = await dashboard(10);
	await term.press(keys.tab, keys.tab, 'j', 'j'); // deployments: api, batch, web
	await term.press('s');
	await term.waitFor(f => f.includes('deployment default/web'));
	t.regex(term.lastFrame(), /Replicas: 3/);
	await term.press(keys.backspace, '5');
	await term.waitFor(f => /Replicas: 5/.test(f));
	await term.press(keys.enter);
	await term.waitFor(f => f.includes('deployment.apps/web scaled'));
	t.is(cluster.client.get<Deployment>('deployments', 'web', 'default').spec?.replicas, 5);
	t.false(term.lastFrame().includes('Replicas:'), 'the dialog closed');
	term.unmount();
});

test('ctrl-d asks before deleting a pod: Cancel is the default, OK deletes', async t => {
	const {cluster, term} = await dashboard(10);
	const first = cluster.client.list<Pod>('pods').items.map(p => p.metadata!.name!).sort()[0]!;
	await term.press(keys.ctrlD);
	await term.waitFor(f => f.includes(`Delete pod default/${first}?`));
	t.regex(term.lastFrame(), /\[ Cancel \]\s+OK/);
	await term.press(keys.enter);
	await term.waitFor(f => !f.includes('Delete pod'));
	const kept = cluster.client.get<Pod>('pods', first, 'default');
	t.is(kept.metadata?.deletionTimestamp, undefined, 'Enter on the default button deletes nothing');

	await term.press(keys.ctrlD, keys.tab);
	await term.waitFor(f => /Cancel\s+\[ OK \]/.test(f));
	await term.press(keys.enter);
	await term.waitFor(f => f.includes(`pod "${first}" deleted`) || f.includes(first) === false || /Terminating/.test(f));
	let gone = false;
	try {
		gone = cluster.client.get<Pod>('pods', first, 'default').metadata?.deletionTimestamp !== undefined;
	} catch {
		gone = true;
	}
	t.true(gone, 'the pod is terminating or gone');
	term.unmount();
});

test('c cordons the selected node: spec.unschedulable and STATUS Ready,SchedulingDisabled; u undoes it', async t => {
	const {cluster, term} = await dashboard(10);
	await term.press(keys.tab, keys.tab, keys.tab, 'j'); // nodes: control-plane, worker-1, ...
	await term.press('c');
	await term.waitFor(f => f.includes('Cordon node worker-1?'));
	await term.press(keys.tab, keys.enter);
	await term.waitFor(f => f.includes('Ready,SchedulingDisabled'));
	t.true(cluster.client.get<Node>('nodes', 'worker-1').spec?.unschedulable);
	t.regex(term.lastFrame(), /worker-1\s+Ready,SchedulingDisabled/);
	await term.press('u', keys.tab, keys.enter);
	await term.waitFor(f => !f.includes('SchedulingDisabled'));
	t.falsy(cluster.client.get<Node>('nodes', 'worker-1').spec?.unschedulable);
	term.unmount();
});

test(': runs a command through the cluster; a bad one shows its error in the flash line and the dashboard carries on', async t => {
	const {cluster, term} = await dashboard(10);
	await term.press(':');
	await term.waitFor(f => f.split('\n')[3] === ' > _');
	await term.press('scale deployment/api --replicas=1');
	await term.waitFor(f => f.includes(' > scale deployment/api --replicas=1_'));
	await term.press(keys.enter);
	await term.waitFor(f => f.includes('deployment.apps/api scaled'));
	t.is(cluster.client.get<Deployment>('deployments', 'api', 'default').spec?.replicas, 1);

	await term.press(':', 'scale deployment/nope --replicas=1', keys.enter);
	const frame = await term.waitFor(f => f.includes('not found'));
	t.true(frame.split('\n').at(-1)!.includes('deployments.apps "nope" not found'));
	t.is(term.lines().length, 40);
	await term.press(':', 'scale deployment/web --replicas=-1', keys.enter);
	// A long error wraps onto a second line rather than being cut; the frame keeps its height.
	const flash = (f: string) => f.split('\n').slice(-2).map(l => l.trim()).join(' ');
	await term.waitFor(f => flash(f).includes('Scale.autoscaling "web" is invalid: spec.replicas: Invalid value: -1: must be greater than or equal to 0'));
	t.is(term.lines().length, 40);
	await term.press('n');
	await term.waitFor(f => f.includes('Tick 11 ·'));
	t.pass();
	term.unmount();
});

test('? shows every key in a help table; Esc closes it', async t => {
	const {term} = await dashboard(2);
	await term.press('?');
	const frame = await term.waitFor(f => f.includes('ACTION'));
	t.true(frame.includes(' Help(pods)'), 'the keys of the pods pane, where it was opened');
	t.regex(frame, /│ KEY\s+│ ACTION\s+│ WHERE/);
	t.regex(frame, /│ ctrl-d\s+│ Delete the selected object/);
	t.regex(frame, /│ n\s+│ Advance the cluster one tick/);
	t.true(term.lines().length <= 40);
	await term.press(keys.esc);
	await term.waitFor(f => !f.includes('ACTION') && f.includes(' pods(all)['));
	t.pass();
	term.unmount();
});

test('a tiny terminal gets a one-line header and one pane, never more lines than it has; too small says so', async t => {
	const {term} = await dashboard(10, {columns: 40, rows: 10});
	const lines = term.lines();
	t.true(lines.length <= 10, `${lines.length} lines`);
	t.regex(lines[0]!, /Tick 10/);
	t.true(lines.some(l => l.includes(' pods(all)[')));
	t.true(lines.every(l => l.length <= 40));

	term.stdout.resize(30, 8);
	await term.waitFor(f => f.includes('30x8 < 40x10'));
	t.is(term.lines().length, 1);
	term.stdout.resize(120, 40);
	await term.waitFor(f => f.includes(' deployments(all)[3] '));
	t.is(term.lines().length, 40);
	term.unmount();
});

test('the layout follows a resize and stays within the new height', async t => {
	const {term} = await dashboard(10);
	term.stdout.resize(80, 24);
	await term.waitFor(() => term.lines().length === 24);
	t.true(term.lines().every(l => l.length <= 80));
	t.regex(term.lines()[0]!, /kubetui │ Tick 10/);
	term.unmount();
});

test('q asks before quitting; n stays, y quits the dashboard', async t => {
	const {term} = await dashboard();
	const exited = term.waitUntilExit();
	await term.press('q');
	await term.waitFor(f => f.includes('Quit kubetui?') && f.includes('not saved'));
	await term.press('n');
	await term.waitFor(f => !f.includes('Quit kubetui?'));
	await term.press('q', 'y');
	await exited;
	t.pass();
});

test('space plays the clock and the header says so; space again pauses', async t => {
	const {cluster, term} = await dashboard();
	await term.press('+', '+', '+', '+'); // 16x
	await term.press(' ');
	await term.waitFor(f => f.includes('Playing 16x'));
	await term.waitFor(() => cluster.clock.tick >= 2);
	await term.press(' ');
	await term.waitFor(f => f.includes('Paused · 16x'));
	const stopped = cluster.clock.tick;
	await term.press('-');
	await term.waitFor(f => f.includes('Paused · 8x'));
	t.is(cluster.clock.tick, stopped, 'no ticks while paused');
	term.unmount();
});
