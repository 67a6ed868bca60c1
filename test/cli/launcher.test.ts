// The built `kubetui` command (dist/kubetui.js, scripts/launcher.mjs) runs the bundle through V8's code cache in the
// temp directory: the first run writes it, later runs use it, and a cache it cannot trust is neither read nor written.
// Needs `npm run build` (npm ci and npm install run it).
import test from 'ava';
import {execFileSync} from 'node:child_process';
import {chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';

const command = fileURLToPath(new URL('../../dist/kubetui.js', import.meta.url));
const uid = process.getuid?.() ?? 'user';

function kubetui(temp: string): string {
	if (!existsSync(command)) throw new Error(`${command} is missing: run npm run build`);
	return execFileSync(process.execPath, [command, '--headless', '--ticks', '2', '-o', 'table'], {encoding: 'utf8', env: {...process.env, TMPDIR: temp, NO_COLOR: '1'}});
}

function freshTemp(t: {teardown(fn: () => void): void}): string {
	const temp = mkdtempSync(join(tmpdir(), 'kubetui-launcher-test-'));
	t.teardown(() => rmSync(temp, {recursive: true, force: true}));
	return temp;
}

const binFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter(name => name.endsWith('.bin')) : []);

test('the first run writes the code cache in a directory only this user can use; the second reads it and prints the same', t => {
	const temp = freshTemp(t);
	const first = kubetui(temp);
	const dir = join(temp, `kubetui-code-cache-${uid}`);
	const files = binFiles(dir);
	t.is(files.length, 1);
	t.regex(files[0]!, new RegExp(`^${process.version}-${process.arch}-\\d+-\\d+\\.bin$`));
	if (process.getuid) t.is(statSync(dir).mode & 0o777, 0o700);
	const cache = join(dir, files[0]!);
	const written = statSync(cache).mtimeMs;
	t.true(statSync(cache).size > 100_000, 'the cache holds the compiled bundle');
	const second = kubetui(temp);
	t.is(second, first);
	t.true(first.includes('node/control-plane   Ready'), first.slice(0, 200));
	t.is(statSync(cache).mtimeMs, written, 'an accepted cache is not written again');
});

test('a cache V8 rejects (garbage) is replaced, and the run is unchanged', t => {
	const temp = freshTemp(t);
	const expected = kubetui(temp);
	const dir = join(temp, `kubetui-code-cache-${uid}`);
	const cache = join(dir, binFiles(dir)[0]!);
	writeFileSync(cache, Buffer.alloc(4096, 7));
	t.is(kubetui(temp), expected);
	t.not(readFileSync(cache).subarray(0, 64).toString('hex'), Buffer.alloc(64, 7).toString('hex'));
});

(process.getuid ? test : test.skip)('a cache directory others can write is not used', t => {
	const temp = freshTemp(t);
	const dir = join(temp, `kubetui-code-cache-${uid}`);
	mkdirSync(dir);
	chmodSync(dir, 0o777);
	const output = kubetui(temp);
	t.true(output.includes('node/control-plane   Ready'));
	t.deepEqual(binFiles(dir), []);
});
