// The real kubetui in a real terminal (tmux), driven as a person would: open deployments, filter, scale to 5, step
// until 5 are Running, describe a pod, go back, delete a pod, cordon a node, quit. Skipped (saying so) without tmux.
// CI is unset for kubetui: Ink draws only the last frame when CI is set, and a person's terminal has no CI.
import {execFileSync, spawnSync} from 'node:child_process';
import test from 'ava';

const hasTmux = spawnSync('tmux', ['-V']).status === 0;
const session = `kubetui-e2e-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', args, {encoding: 'utf8'});
const screen = () => tmux('capture-pane', '-p', '-t', session);
const send = (...keys: string[]) => tmux('send-keys', '-t', session, ...keys);
const type = (text: string) => tmux('send-keys', '-t', session, '-l', text);

async function until(what: string, check: (s: string) => boolean, timeoutMs = 30_000): Promise<string> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const s = screen();
		if (check(s)) return s;
		if (Date.now() > deadline) throw new Error(`waiting for ${what}; the screen:\n${s}`);
		await new Promise(resolve => setTimeout(resolve, 100));
	}
}

if (!hasTmux) {
	test('end to end in tmux', t => {
		t.log('skipped: tmux is not installed (apt-get install -y tmux)');
		t.pass();
	});
}

(hasTmux ? test.serial : test.skip)('kubetui in tmux: :deploy, /web, scale to 5, step to 5 Running, describe, delete, cordon, quit', async t => {
	tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40', `env -u CI NO_COLOR=1 node --import=tsx source/cli.tsx; sleep 30`);
	t.teardown(() => spawnSync('tmux', ['kill-session', '-t', session]));
	await until('the first frame', s => s.includes('Tick 0') && s.includes('pods(all)'));
	type(':deploy');
	send('Enter');
	await until('deployments focused', s => s.includes('<deployments>'));
	type('/web');
	send('Enter');
	await until('the filter', s => s.includes('deployments(all)[1] </web>'));
	type('s');
	await until('the scale dialog', s => s.includes('deployment default/web'));
	type('5');
	send('Enter');
	await until('scaled', s => s.includes('deployment.apps/web scaled'));
	for (let i = 0; i < 20 && !/web\s+5\/5/.test(screen()); i++) {
		type('n');
		await new Promise(resolve => setTimeout(resolve, 150));
	}
	await until('5 of 5 web pods ready', s => /web\s+5\/5\s+5\s+5/.test(s));
	send('Escape'); // clear the filter
	type(':pods');
	send('Enter');
	type('/web');
	send('Enter');
	const pods = await until('5 web pods Running', s => s.includes('pods(all)[5] </web>') && (s.match(/Running/g) ?? []).length >= 5);
	const first = /(web-[a-z0-9]+-[a-z0-9]+)/.exec(pods)![1]!;
	type('d');
	await until('describe', s => s.includes(`describe(default/${first})`) && s.includes('Status:'));
	send('Escape');
	await until('back to the pods', s => s.includes('pods(all)[5] </web>'));
	send('C-d');
	await until('the delete dialog', s => s.includes(`Delete pod default/${first}?`));
	send('Tab');
	send('Enter');
	await until('deleted', s => s.includes(`pod "${first}" deleted`));
	send('Escape');
	type(':no');
	send('Enter');
	send('j');
	type('c');
	await until('the cordon dialog', s => s.includes('Cordon node worker-1?'));
	send('Tab');
	send('Enter');
	await until('cordoned', s => /worker-1\s+Ready,SchedulingDisabled/.test(s));
	type('q');
	await until('the quit dialog', s => s.includes('Quit kubetui?'));
	type('y');
	await until('the shell back', s => !s.includes('Tick '));
	t.pass();
});
