import test from 'ava';
import {Shell} from '../../../source/cluster/node/shell/interpreter.js';
import {FileSystem, Volume} from '../../../source/cluster/node/shell/filesystem.js';

const EPOCH = Date.UTC(2026, 0, 1);

/** Run a script to its end, letting simulated time pass for each sleep; returns output, status, elapsed. */
function run(script: string, options: {fs?: FileSystem; env?: Array<[string, string]>; signalAt?: number} = {}) {
	const fs = options.fs ?? new FileSystem();
	let now = EPOCH;
	let out = '';
	const shell = new Shell({fs, environment: () => options.env ?? [['HOME', '/root']], now: () => now, hostname: 'pod-1', resolve: () => undefined}, {out: t => void (out += t), err: t => void (out += t)});
	const gen = shell.run(script);
	let resume: boolean | undefined;
	const sleeps: number[] = [];
	for (let i = 0; i < 10_000; i++) {
		const next = gen.next(resume);
		resume = undefined;
		if (next.done) return {out, status: next.value, elapsed: now - EPOCH, sleeps, fs};
		if (next.value.ms === Infinity) return {out, status: undefined, elapsed: now - EPOCH, sleeps, fs};
		sleeps.push(next.value.ms);
		const until = now + next.value.ms;
		if (options.signalAt !== undefined && options.signalAt >= now - EPOCH && options.signalAt < until - EPOCH) {
			now = EPOCH + options.signalAt;
			options.signalAt = undefined;
			if (shell.signal('TERM') && next.value.interruptible) {
				resume = true;
				continue;
			}
		}
		now = until;
	}
	throw new Error('script did not finish');
}

test('echo, sleep and exit: output, simulated time and the exit status', t => {
	const r = run('echo hello; sleep 5; echo bye; exit 3');
	t.is(r.out, 'hello\nbye\n');
	t.is(r.status, 3);
	t.is(r.elapsed, 5000);
});

test('&& and || follow exit statuses; ! inverts; $? is the last status', t => {
	t.is(run('false && echo no || echo yes').out, 'yes\n');
	t.is(run('true && echo a; false; echo $?').out, 'a\n1\n');
	t.is(run('! false && echo inverted').out, 'inverted\n');
});

test('files: touch, test -f, rm, cat and the busybox message for a missing file', t => {
	const r = run('touch /tmp/healthy; [ -f /tmp/healthy ] && echo there; rm /tmp/healthy; cat /tmp/healthy; echo status=$?');
	t.is(r.out, "there\ncat: can't open '/tmp/healthy': No such file or directory\nstatus=1\n");
	t.is(run('rm /nope').out, "rm: can't remove '/nope': No such file or directory\n");
	t.is(run('rm -f /nope; echo $?').out, '0\n');
	t.is(run('mkdir -p /a/b && echo x > /a/b/f && cat /a/b/f; test -d /a && echo dir').out, 'x\ndir\n');
	t.is(run('echo one > /tmp/f; echo two >> /tmp/f; cat /tmp/f').out, 'one\ntwo\n');
});

test('variables, ${X:-default}, $(command substitution) and $((arithmetic)); single quotes stay literal', t => {
	t.is(run('X=1; echo "x is $X" \'$X\' ${Y:-none}').out, 'x is 1 $X none\n');
	t.is(run('echo "now: $(date)"').out, 'now: Thu Jan  1 00:00:00 UTC 2026\n');
	t.is(run('i=0; while [ $i -lt 3 ]; do i=$((i+1)); echo $i; done').out, '1\n2\n3\n');
	t.is(run('for n in a b $(echo c d); do printf "%s," $n; done').out, 'a,b,c,d,');
	t.is(run('until [ -f /tmp/go ]; do touch /tmp/go; echo waiting; done; echo done').out, 'waiting\ndone\n');
	t.is(run('echo $HOME; env', {env: [['HOME', '/root'], ['A', 'b']]}).out, '/root\nHOME=/root\nA=b\n');
});

test('multi-line scripts, comments and if/elif/else', t => {
	t.is(run('# start\nif [ -d /nope ]; then\n  echo a\nelif true; then\n  echo b # why\nelse\n  echo c\nfi').out, 'b\n');
});

test('an unknown command is "not found" with status 127; a syntax error is reported with status 2', t => {
	t.deepEqual([run('frobnicate x').out, run('frobnicate x').status], ['sh: frobnicate: not found\n', 127]);
	const bad = run('while true; do echo');
	t.is(bad.status, 2);
	t.regex(bad.out, /^sh: syntax error/);
	t.regex(run('echo "unterminated').out, /unterminated quoted string/);
});

test('a busy loop advances simulated time instead of hanging', t => {
	const r = run('i=0; while [ $i -lt 250 ]; do i=$((i+1)); done; echo $i');
	t.is(r.out, '250\n');
	t.true(r.elapsed >= 2000, String(r.elapsed));
});

test('trap TERM: a trapped signal interrupts `wait` and runs the handler; without a trap it is ignored', t => {
	const trapped = run("trap 'echo stopping; exit 0' TERM; sleep 3600 & wait", {signalAt: 2000});
	t.deepEqual([trapped.out, trapped.status, trapped.elapsed], ['stopping\n', 0, 2000]);
	// A foreground sleep is a child process: the handler runs once it ends.
	const foreground = run("trap 'echo bye; exit 7' TERM; while true; do sleep 5; done", {signalAt: 2000});
	t.deepEqual([foreground.out, foreground.status, foreground.elapsed], ['bye\n', 7, 5000]);
});

test('an emptyDir volume mounted in two filesystems is shared; a read-only volume refuses writes', t => {
	const shared = new Volume();
	const a = new FileSystem();
	const b = new FileSystem();
	a.mount('/usr/share/nginx/html', shared);
	b.mount('/pod-data', shared);
	run('echo "Hello from the debian container" > /pod-data/index.html', {fs: b});
	t.is(run('cat /usr/share/nginx/html/index.html', {fs: a}).out, 'Hello from the debian container\n');
	const config = new FileSystem();
	config.mount('/etc/config', new Volume(true, {'app.conf': 'x=1'}));
	t.is(run('cat /etc/config/app.conf; echo; touch /etc/config/new', {fs: config}).out, 'x=1\ntouch: /etc/config/new: Read-only file system\n');
});
