// The k9s layer as a user drives it: views on a stack, drill-down, describe, YAML, xray, filter, sorts, namespaces,
// dialogs, the prompt's editing and completion, read-only mode. Each test types keys into the real App.
import test from 'ava';
import type {Deployment, Node, Pod} from '../../../source/cluster/index.js';
import {App} from '../../../source/ui/app.js';
import {defaultCluster} from '../helpers/cluster.js';
import {renderTerminal} from '../helpers/terminal.js';

const keys = {tab: '\t', enter: '\r', esc: '\x1b', backspace: '\x7f', left: '\x1b[D', right: '\x1b[C', ctrlA: '\x01', ctrlE: '\x05', ctrlW: '\x17', ctrlK: '\x0b'};

async function dashboard(ticks = 12, size = {columns: 120, rows: 40}, props: {readonly?: boolean} = {}) {
	const cluster = defaultCluster(ticks);
	const term = await renderTerminal(<App cluster={cluster} color={false} {...props} />, size);
	return {cluster, term};
}

const crumbs = (frame: string) => frame.split('\n').at(-1) ?? '';

test('Enter on a node lists its pods; d describes a pod; Esc walks back one view at a time', async t => {
	const {cluster, term} = await dashboard();
	await term.press(keys.tab, keys.tab, keys.tab, 'j'); // nodes: control-plane, worker-1
	await term.press(keys.enter);
	const onNode = cluster.client.list<Pod>('pods', {fieldSelector: 'spec.nodeName=worker-1'}).items;
	const frame = await term.waitFor(f => f.includes(`pods:worker-1(all)[${onNode.length}]`));
	for (const pod of onNode) t.true(frame.includes(pod.metadata!.name!), pod.metadata!.name!);
	t.regex(crumbs(frame), /<nodes>\s+<pods:worker-1>/);
	await term.press('d');
	const described = await term.waitFor(f => f.includes('describe(default/'));
	t.regex(described, /Name:\s+\S+/);
	t.regex(described, /Node:\s+worker-1\/172\.18\.0\.\d/);
	await term.press('G');
	t.regex(await term.waitFor(f => f.includes('Events:')), /Events:/);
	t.regex(crumbs(described), /<pods:worker-1>\s+<describe:/);
	await term.press(keys.esc);
	await term.waitFor(f => f.includes('pods:worker-1(all)'));
	await term.press(keys.esc);
	await term.waitFor(f => f.includes(' nodes[4] ') && f.includes(' pods(all)['));
	t.pass();
	term.unmount();
});

test('Enter on a deployment lists its pods (its selector), on a pod its containers; x shows the ownership tree', async t => {
	// 16 ticks: the kubelet pulls a pod's second image only once its first container has started, as SyncPod does.
	const {term} = await dashboard(16);
	await term.press(keys.tab, keys.tab); // deployments: api
	await term.press(keys.enter);
	const pods = await term.waitFor(f => f.includes('pods:api(default)[2]'));
	t.false(pods.includes('web-'), 'only the deployment\'s pods');
	await term.press(keys.enter);
	const containers = await term.waitFor(f => f.includes('containers:api-'));
	t.regex(containers, /api\s+container\s+ghcr\.io\/example\/api:2\.4\.1\s+true\s+Running\s+0/);
	t.regex(containers, /cache\s+container\s+redis:7\.2/);
	await term.press(keys.esc, keys.esc, 'x');
	const tree = await term.waitFor(f => f.includes('xray:deployments'));
	t.regex(tree, /api\s+Deployment\s+2\/2/);
	t.regex(tree, /├─ api-\w+\s+ReplicaSet|└─ api-\w+\s+ReplicaSet/);
	t.regex(tree, /└─ cache\s+Container\s+Running/);
	term.unmount();
});

test('y shows the object as YAML; / searches it, n jumps to the next match, Esc clears the search then goes back', async t => {
	const {term} = await dashboard();
	await term.press(keys.tab, keys.tab, 'j', 'j', 'y'); // deployments: web
	const yaml = await term.waitFor(f => f.includes('yaml(default/web)'));
	t.regex(yaml, /apiVersion: apps\/v1/);
	t.regex(yaml, /kind: Deployment/);
	await term.press('/', ...'maxSurge'.split(''), keys.enter);
	const found = await term.waitFor(f => f.includes('</maxSurge>'));
	t.regex(found, /maxSurge: 25%/);
	await term.press(keys.esc);
	await term.waitFor(f => !f.includes('</maxSurge>') && f.includes('yaml(default/web)'));
	await term.press(keys.esc);
	await term.waitFor(f => f.includes(' deployments(all)[3] '));
	t.pass();
	term.unmount();
});

test('/ filters the focused pane as you type (regex, !inverse, -l selector); letters are not commands there; Esc clears', async t => {
	const {cluster, term} = await dashboard();
	await term.press(keys.tab, keys.tab, keys.tab); // nodes
	await term.press('/', 'c', 'a', 'c', 'h', 'e');
	await term.waitFor(f => f.includes('nodes[0] </cache>'));
	t.false(cluster.client.list<Node>('nodes').items.some(n => n.spec?.unschedulable && n.metadata?.name !== 'control-plane'), '/cache cordoned nothing');
	t.is(cluster.clock.tick, 12, 'and n in a filter does not step the clock');
	await term.press(keys.esc);
	await term.waitFor(f => f.includes(' nodes[4] '));
	await term.press('/', ...'worker-[12]'.split(''), keys.enter);
	await term.waitFor(f => f.includes('nodes[2] </worker-[12]>'));
	await term.press(keys.esc);
	await term.press('/', ...'!worker'.split(''), keys.enter);
	await term.waitFor(f => f.includes('nodes[1] </!worker>'));
	await term.press(keys.esc, keys.tab); // pods
	await term.press('/', ...'-l app=web'.split(''), keys.enter);
	await term.waitFor(f => f.includes('pods(all)[3] </-l app=web>'));
	t.pass();
	term.unmount();
});

test('shift-N sorts by name and again reverses it; shift-A by age; the arrow shows in the column title', async t => {
	const {term} = await dashboard();
	await term.press(keys.tab, keys.tab); // deployments: api, batch, web
	await term.press('N');
	let frame = await term.waitFor(f => f.includes('NAME↑'));
	t.true(frame.indexOf(' api ') < frame.indexOf(' web '));
	await term.press('N');
	frame = await term.waitFor(f => f.includes('NAME↓'));
	const lines = frame.split('\n');
	t.true(lines.findIndex(l => /[│║][ >]default\s+web\s/.test(l)) < lines.findIndex(l => /[│║][ >]default\s+api\s/.test(l)));
	await term.press('A');
	await term.waitFor(f => f.includes('AGE↓'));
	t.pass();
	term.unmount();
});

test('namespaces: :ns opens them, Enter switches to one (title and favourites), 0 shows all again', async t => {
	const {cluster, term} = await dashboard();
	cluster.run('apply -f test/fixtures/kinds/namespaces.yaml');
	await term.press(':', ...'ns'.split(''), keys.enter);
	await term.waitFor(f => f.includes('namespaces['));
	await term.press(':', ...'ns default'.split(''), keys.enter);
	const frame = await term.waitFor(f => f.includes('pods(default)[9]'));
	t.false(/│ NAMESPACE /.test(frame.split('\n').find(l => l.includes('READY  STATUS') || l.includes('READY STATUS')) ?? ''), 'one namespace: no NAMESPACE column');
	await term.press('0');
	await term.waitFor(f => f.includes('pods(all)[9]'));
	await term.press('1');
	await term.waitFor(f => f.includes('pods(default)[9]'));
	await term.press(':', ...'ns nowhere'.split(''), keys.enter);
	await term.waitFor(f => f.includes('namespace "nowhere" not found'));
	t.pass();
	term.unmount();
});

test('the scale dialog: typing replaces the prefilled value, - is refused with a message, too large is refused', async t => {
	const {cluster, term} = await dashboard();
	await term.press(keys.tab, keys.tab, 'j', 'j', 's'); // web, 3 replicas
	await term.waitFor(f => f.includes('deployment default/web'));
	await term.press('5');
	await term.waitFor(f => /Replicas: 5\b/.test(f));
	await term.press('-');
	await term.waitFor(f => f.includes('cannot be negative'));
	await term.press(keys.enter);
	await term.waitFor(f => f.includes('deployment.apps/web scaled'));
	t.is(cluster.client.get<Deployment>('deployments', 'web', 'default').spec?.replicas, 5);
	await term.press('s', ...'99999999999'.split(''));
	await term.waitFor(f => f.includes('at most 2147483647'));
	await term.press(keys.esc);
	t.is(cluster.client.get<Deployment>('deployments', 'web', 'default').spec?.replicas, 5);
	term.unmount();
});

test('a pasted command ending in Enter runs (one chunk); the prompt edits at its cursor; Tab completes', async t => {
	const {cluster, term} = await dashboard();
	term.stdin.write(':cordon worker-3\r');
	await term.waitFor(f => f.includes('node/worker-3 cordoned'));
	t.true(cluster.client.get<Node>('nodes', 'worker-3').spec?.unschedulable);
	// Cursor editing: type "uncordon worker-", go home, delete nothing, end, complete the node name.
	await term.press(':', ...'cordon worker-3'.split(''), keys.ctrlA);
	await term.press('u', 'n', keys.enter);
	await term.waitFor(f => f.includes('node/worker-3 uncordoned'));
	await term.press(':', ...'des'.split(''), keys.tab);
	await term.waitFor(f => f.includes('> describe '));
	await term.press(...'deploy'.split(''), keys.tab);
	await term.waitFor(f => f.includes('deploy  deployments')); // two candidates: both listed in the hint line
	await term.press('m', keys.tab);
	await term.waitFor(f => f.includes('> describe deployments/'));
	await term.press('w', keys.tab);
	await term.waitFor(f => f.includes('> describe deployments/web '));
	await term.press(keys.ctrlW, keys.ctrlW);
	await term.waitFor(f => f.includes(' > _') || /> \s*$/.test(f.split('\n').find(l => l.includes(' > ')) ?? ''));
	await term.press(keys.esc);
	t.pass();
	term.unmount();
});

test('unbound keys and k9s commands answer in the flash line; a later success clears an old error', async t => {
	const {term} = await dashboard();
	await term.press('Z');
	await term.waitFor(f => f.includes('Z: no such key here'));
	await term.press(':', ...'pulses'.split(''), keys.enter);
	await term.waitFor(f => f.includes('kubetui\'s pulse'));
	await term.press(':', ...'aliases'.split(''), keys.enter);
	const aliases = await term.waitFor(f => f.includes('RESOURCE') && f.includes('ALIASES'));
	t.regex(aliases, /deployments\s+deployment,deploy/);
	await term.press(keys.esc, ':', ...'help'.split(''), keys.enter);
	await term.waitFor(f => f.includes('ACTION'));
	await term.press(keys.esc, ':', ...'scale deployment/nope --replicas=1'.split(''), keys.enter);
	await term.waitFor(f => f.includes('error: Error from server (NotFound)') || f.includes('NotFound'));
	await term.press('n');
	await term.waitFor(f => !f.includes('NotFound') && f.includes('Tick 13'));
	t.pass();
	term.unmount();
});

test('--readonly hides the mutating keys from the header and help and refuses them and mutating commands', async t => {
	const {cluster, term} = await dashboard(12, {columns: 120, rows: 40}, {readonly: true});
	const frame = term.lastFrame();
	t.false(frame.includes('<ctrl-d> Delete'));
	await term.press(keys.tab, keys.tab, 's');
	await term.waitFor(f => f.includes('read-only mode: s (scale) is refused'));
	await term.press(':', ...'delete deployment/web'.split(''), keys.enter);
	await term.waitFor(f => f.includes('read-only mode: "delete" changes the cluster'));
	t.truthy(cluster.client.find('deployments', 'web', 'default'));
	await term.press('?');
	const help = await term.waitFor(f => f.includes('ACTION'));
	t.false(help.includes('Kill the selected pod'));
	term.unmount();
});

test('ctrl-k kills the selected pod at once; r asks, then restarts the deployment', async t => {
	const {cluster, term} = await dashboard();
	const first = term.lastFrame().split('\n').find(l => l.includes('api-'))!.match(/(api-\S+)/)![1]!;
	await term.press(keys.ctrlK);
	await term.waitFor(f => f.includes(`pod "${first}" deleted`));
	t.is(cluster.client.find('pods', first, 'default'), undefined, 'grace period 0: gone at once');
	await term.press(keys.tab, keys.tab, 'r');
	await term.waitFor(f => f.includes('Restart deployment default/api?'));
	await term.press(keys.tab, keys.enter);
	await term.waitFor(f => f.includes('deployment.apps/api restarted'));
	const restarted = cluster.client.get<Deployment>('deployments', 'api', 'default');
	t.is(restarted.spec?.template?.metadata?.annotations?.['kubectl.kubernetes.io/restartedAt'], '2026-01-01T00:00:12Z');
	term.unmount();
});

test('at 80x24 the header keeps a line of key hints, and at 40x10 nothing overflows in any view', async t => {
	const {term} = await dashboard(12, {columns: 80, rows: 24});
	t.regex(term.lines()[1]!, /<n> Step\s+<space> Play\/Pause/);
	term.unmount();
	const small = await dashboard(12, {columns: 40, rows: 10});
	for (const press of [['d'], [keys.esc, 'y'], [keys.esc, keys.enter], [keys.esc, ':', 'r', 's', keys.enter], [keys.esc, 'x']]) {
		await small.term.press(...press);
		const lines = small.term.lines();
		t.true(lines.length <= 10, `${lines.length} lines`);
		t.true(lines.every(l => [...l].length <= 40), lines.find(l => [...l].length > 40) ?? '');
	}
	small.term.unmount();
});

test('apply -f in the prompt reports every object it wrote; an empty file says no objects were passed', async t => {
	const {mkdtempSync, writeFileSync} = await import('node:fs');
	const {join} = await import('node:path');
	const {tmpdir} = await import('node:os');
	const dir = mkdtempSync(join(tmpdir(), 'kubetui-apply-'));
	const shop = join(dir, 'shop.yaml');
	writeFileSync(shop, 'apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: cart\n  namespace: shop\nspec:\n  replicas: 1\n  selector:\n    matchLabels: {app: cart}\n  template:\n    metadata:\n      labels: {app: cart}\n    spec:\n      containers:\n      - name: cart\n        image: nginx:1.27\n');
	const empty = join(dir, 'empty.yaml');
	writeFileSync(empty, '# nothing\n');
	const {term} = await dashboard();
	term.stdin.write(`:apply -f ${shop}\r`);
	await term.waitFor(f => f.includes('namespace/shop created · deployment.apps/cart created'));
	term.stdin.write(`:apply -f ${empty}\r`);
	await term.waitFor(f => f.includes('error: no objects passed to apply'));
	t.pass();
	term.unmount();
});

test('rows added or changed in the last tick are marked (+ and ~ without colour), and only those', async t => {
	const {term} = await dashboard(12);
	await term.press(':', ...'scale deployment/web --replicas=4'.split(''), keys.enter);
	await term.waitFor(f => f.includes('deployment.apps/web scaled'));
	await term.press('n', 'n');
	const frame = await term.waitFor(f => f.includes('Tick 14 ·') && f.includes('pods(all)[10]'));
	const added = frame.split('\n').filter(l => /^[│║]\+default\s+web-/.test(l));
	t.is(added.length, 1, 'the new pod is marked added');
	t.false(frame.split('\n').some(l => /^[│║][+~]default\s+api-/.test(l)), 'unchanged pods are not marked');
	await term.press('n', 'n', 'n', 'n');
	await term.waitFor(f => f.includes('Tick 18 ·'));
	t.false(term.lines().some(l => /^[│║]\+default\s+web-/.test(l)), 'a tick later it is no longer new');
	term.unmount();
});

test('numbers the last tick changed get k9s arrows (↑ went up, ↓ went down) in their rows, for that tick only', async t => {
	const {cluster, term} = await dashboard(8);
	await term.press('n');
	const frame = await term.waitFor(f => f.includes('Tick 9 ·'));
	const row = (f: string, name: string) => f.split('\n').find(l => new RegExp(`default +${name} `).test(l)) ?? '';
	// web's three pods became available in tick 9: AVAILABLE 0 -> 3, the arrow in the column's own room.
	t.regex(row(frame, 'web'), /~default +web +3\/3 +3 +3↑ +9s/);
	t.regex(row(frame, 'api'), /^│ default +api +0\/2 +2 +0 +9s/, 'api did not change: no mark, no arrow');
	t.true(frame.split('\n').some(l => /^│\+0s +Normal +Started /.test(l)), 'new events are marked added');
	await term.press('n');
	const next = await term.waitFor(f => f.includes('Tick 10 ·'));
	t.false(row(next, 'web').includes('↑'), 'the arrow lasts one tick');
	cluster.run('scale deployment/web --replicas=1');
	for (let tick = 11; tick <= 16 && !row(term.lastFrame(), 'web').includes('↓'); tick++) {
		await term.press('n');
		await term.waitFor(f => f.includes(`Tick ${tick} ·`));
	}
	t.regex(row(term.lastFrame(), 'web'), /web +1\/1 +1↓ +1↓/, 'scaled down: UP-TO-DATE and AVAILABLE went down');
	term.unmount();
});

test('xray shows each pod\'s and container\'s restarts; a restart in the last tick gets the up arrow', async t => {
	const cluster = defaultCluster();
	cluster.run('apply -f fixtures/scenarios/crash-loop.yaml');
	const restarts = () => cluster.client.find<Pod>('pods', 'crash-loop', 'default')?.status?.containerStatuses?.[0]?.restartCount ?? 0;
	for (let i = 0; i < 60 && restarts() < 1; i++) cluster.step();
	t.is(restarts(), 1);
	const term = await renderTerminal(<App cluster={cluster} color={false} />, {columns: 120, rows: 40});
	term.stdin.write(':xray pods\r');
	const tree = await term.waitFor(f => f.includes('xray:pods'));
	t.regex(tree, /crash-loop +Pod +\S+ +1 /);
	t.regex(tree, /└─ app +Container +\S+ +1 /);
	let arrow = '';
	for (let i = 0; i < 60 && restarts() < 2; i++) {
		const tick = cluster.clock.tick + 1;
		await term.press('n');
		arrow = await term.waitFor(f => f.includes(`Tick ${tick} ·`));
	}
	t.is(restarts(), 2);
	t.regex(arrow, /crash-loop +Pod +\S+ +2↑/);
	t.regex(arrow, /└─ app +Container +\S+ +2↑/);
	term.unmount();
});
