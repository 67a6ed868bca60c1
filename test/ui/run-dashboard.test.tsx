import test from 'ava';
import {enterAlternateScreen, leaveAlternateScreen, runDashboard} from '../../source/ui/index.js';
import {defaultCluster} from './helpers/cluster.js';
import {FakeStdin, FakeStdout} from './helpers/terminal.js';

test('runDashboard draws on the alternate screen, and gives the screen back when the user quits', async t => {
	const stdout = new FakeStdout(100, 30);
	const stdin = new FakeStdin();
	const done = runDashboard(defaultCluster(3), {stdout: stdout as unknown as NodeJS.WriteStream, stdin: stdin as unknown as NodeJS.ReadStream, color: false});
	const deadline = Date.now() + 20_000;
	while (stdin.listenerCount('readable') === 0 && Date.now() < deadline) await new Promise(resolve => setTimeout(resolve, 5));
	t.is(stdout.frames[0], enterAlternateScreen);
	stdin.write('q');
	await new Promise(resolve => setTimeout(resolve, 50));
	stdin.write('y');
	await done;
	// Ink draws every frame in a terminal, and only the last one when CI is set: either way it was drawn.
	t.true(stdout.frames.join('').includes('Tick 3'));
	t.true(stdout.frames.at(-1)!.startsWith(leaveAlternateScreen));
	t.true(stdout.frames.at(-1)!.includes('\x1b[?25h'), 'the cursor is shown again');
});
