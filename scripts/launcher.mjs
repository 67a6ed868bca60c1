#!/usr/bin/env node
// The `kubetui` command (copied to dist/kubetui.js by scripts/bundle.mjs). It runs the bundle, dist/kubetui.cjs, as
// Node runs a CommonJS module, but through V8's code cache: the first run saves the compiled code in the temp
// directory, and later runs start from it instead of parsing and compiling 2 MB of JavaScript again (what Node 22's
// module.enableCompileCache does; kubetui supports Node 20). A missing, stale or unwritable cache only costs time.
import {lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {createRequire} from 'node:module';
import {tmpdir} from 'node:os';
import {dirname, join} from 'node:path';
import {fileURLToPath} from 'node:url';
import vm from 'node:vm';

const filename = fileURLToPath(new URL('kubetui.cjs', import.meta.url));
// The bundle keeps cli.tsx's #! line, which is no JavaScript inside a function; blanked, so lines still match.
const source = readFileSync(filename, 'utf8').replace(/^#!.*/, '');
const {size, mtimeMs} = statSync(filename);
// One cache per bundle build and V8: a rebuilt bundle or another Node gets its own.
const cacheDir = join(tmpdir(), `kubetui-code-cache-${process.getuid?.() ?? 'user'}`);
const cacheFile = join(cacheDir, `${process.version}-${process.arch}-${size}-${Math.trunc(mtimeMs)}.bin`);
// V8 runs whatever code a cache holds, so only a directory that this user owns and no one else can write is used;
// on a shared /tmp another user could have made it first.
function cacheDirIsOurs() {
	try {
		mkdirSync(cacheDir, {recursive: true, mode: 0o700});
		const dir = lstatSync(cacheDir);
		return dir.isDirectory() && (process.getuid === undefined || (dir.uid === process.getuid() && (dir.mode & 0o022) === 0));
	} catch {
		return false;
	}
}
const useCache = cacheDirIsOurs();
let cachedData;
if (useCache) {
	try {
		cachedData = readFileSync(cacheFile);
	} catch {}
}

const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {filename, cachedData});
if (useCache && (cachedData === undefined || script.cachedDataRejected)) {
	// Saved at exit, so the code of the functions this run called (the dashboard's first frames) is in it too.
	process.once('exit', () => {
		try {
			for (const old of readdirSync(cacheDir)) if (old.endsWith('.bin')) rmSync(join(cacheDir, old), {force: true});
			const partial = `${cacheFile}.${process.pid}`;
			writeFileSync(partial, script.createCachedData());
			renameSync(partial, cacheFile);
		} catch {}
	});
}
const module = {exports: {}, filename, id: filename, loaded: false};
script.runInThisContext()(module.exports, createRequire(filename), module, filename, dirname(filename));
