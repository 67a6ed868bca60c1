// `npm run build`'s last step: bundle the built CLI (dist/cli.js and everything it imports, ink and react included)
// into one CommonJS file, dist/kubetui.cjs, which dist/kubetui.js (the `kubetui` command, scripts/launcher.mjs) runs
// through V8's code cache. Why:
// - Node loads an ES module graph file by file, and ink's graph alone is hundreds of files (es-toolkit's compat
//   barrel, imported for one throttle function, is ~300 of them): the first frame took 1.6 s unbundled.
// - Parsing and compiling the bundle's 2 MB was then the largest part of the first frame, and Node 20 caches
//   compiled code only for scripts (vm.Script's cachedData), not ES modules; hence CommonJS, which in turn needs
//   the three top-level awaits of ink and yoga-layout made synchronous (the plugins below).
// React's production build is chosen at bundle time. Plain JavaScript so the build needs nothing but esbuild.
import {build} from 'esbuild';
import {chmodSync, copyFileSync, cpSync, readFileSync} from 'node:fs';

/** `source` with each `from` replaced by its `to`; the build fails if one is not found exactly once (a new version). */
function patch(path, source, replacements) {
	for (const [from, to] of replacements) {
		const found = source.split(from).length - 1;
		if (found !== 1) throw new Error(`bundle: expected ${JSON.stringify(from.slice(0, 60))} once in ${path}, found it ${found} times`);
		source = source.replace(from, () => to);
	}
	return source;
}

const dataUri = /"data:application\/octet-stream;base64,([A-Za-z0-9+/=]+)"/;
const file = name => new RegExp(name.replaceAll('/', '[\\\\/]').replaceAll('.', '\\.') + '$');

await build({
	entryPoints: ['dist/cli.js'],
	outfile: 'dist/kubetui.cjs',
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	logLevel: 'error',
	// Whitespace and syntax only: names stay, so a stack trace still reads.
	minifyWhitespace: true,
	minifySyntax: true,
	define: {'process.env.NODE_ENV': '"production"', 'import.meta.url': 'importMetaUrl'},
	banner: {js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;"},
	plugins: [{
		// yoga-layout (ink's layout engine) awaits its WebAssembly at the top level, fetched from a data: URL (which on
		// Node loads undici, ~40 ms). Emscripten's instantiateWasm hook lets it be compiled synchronously from the
		// same bytes instead; the bytes move from the Emscripten file to this loader.
		name: 'yoga-synchronous',
		setup(bundle) {
			let wasm;
			bundle.onLoad({filter: file('yoga-layout/dist/binaries/yoga-wasm-base64-esm.js')}, ({path}) => {
				const source = readFileSync(path, 'utf8');
				wasm = dataUri.exec(source)?.[1];
				if (!wasm) throw new Error(`bundle: no inline wasm in ${path}`);
				return {contents: patch(path, source, [[`"data:application/octet-stream;base64,${wasm}"`, '"data:application/octet-stream;base64,"']]), loader: 'js'};
			});
			bundle.onLoad({filter: file('yoga-layout/dist/src/index.js')}, ({path}) => {
				const source = readFileSync(path, 'utf8');
				const wasmFile = path.replace(/src[\\/]index\.js$/, 'binaries/yoga-wasm-base64-esm.js');
				const bytes = dataUri.exec(readFileSync(wasmFile, 'utf8'))?.[1];
				return {
					loader: 'js',
					contents: patch(path, source, [['const Yoga = wrapAssembly(await loadYoga());', `
const emscriptenModule = {
	instantiateWasm(imports, receiveInstance) {
		const instance = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(${JSON.stringify(bytes)}, 'base64')), imports);
		receiveInstance(instance);
		return instance.exports;
	},
};
// Emscripten fills in the module object it is given; with a synchronous instantiation it is ready on return.
loadYoga(emscriptenModule);
if (!emscriptenModule.calledRun) throw new Error('yoga-layout did not initialise synchronously');
const Yoga = wrapAssembly(emscriptenModule);`]]),
				};
			});
		},
	}, {
		// ink's reconciler awaits its devtools and its package.json only when DEV is set. Neither the devtools
		// (react-devtools-core, and ws: 130 KB to parse) nor ink's package.json are bundled: with DEV set, the stub fails
		// as a missing module does, so ink prints its own hint.
		name: 'ink-without-devtools',
		setup(bundle) {
			bundle.onLoad({filter: file('ink/build/reconciler.js')}, ({path}) => ({
				loader: 'js',
				contents: patch(path, readFileSync(path, 'utf8'), [
					["await import('./devtools.js');", "require('./devtools.js');"],
					['? await loadPackageJson()', '? {name: undefined, version: undefined}'],
				]),
			}));
			bundle.onResolve({filter: /^\.\/devtools\.js$/}, ({importer}) => (/[\\/]ink[\\/]build[\\/]/.test(importer) ? {path: 'ink-devtools', namespace: 'stub'} : undefined));
			bundle.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: "throw Object.assign(new Error('ink devtools are not bundled with kubetui'), {code: 'ERR_MODULE_NOT_FOUND'});"}));
		},
	}],
});
copyFileSync('scripts/launcher.mjs', 'dist/kubetui.js');
chmodSync('dist/kubetui.js', 0o755);
// The strict decoder reads its schema next to itself (createRequire('./schema/types.json')): next to the bundle too.
cpSync('source/cluster/api/schema', 'dist/schema', {recursive: true});
