// `npm run build`'s last step: bundle the built CLI (dist/cli.js and everything it imports, ink and react included)
// into one file, dist/kubetui.js, the `kubetui` command. Why: Node loads an ES module graph file by file, and ink's
// graph alone is hundreds of files (es-toolkit's compat barrel, imported for one throttle function, is ~300 of
// them): the dashboard's first frame took 1.6 s, bundled 0.9 s on the same (loaded) machine. React's production
// build is chosen at bundle time. Plain JavaScript so the build needs nothing but esbuild.
import {build} from 'esbuild';
import {cpSync} from 'node:fs';

await build({
	entryPoints: ['dist/cli.js'],
	outfile: 'dist/kubetui.js',
	bundle: true,
	platform: 'node',
	format: 'esm',
	target: 'node20',
	logLevel: 'error',
	define: {'process.env.NODE_ENV': '"production"'},
	// CommonJS dependencies (react) call require(); an ES module bundle has none of its own.
	banner: {js: "import {createRequire as __createRequire} from 'node:module'; const require = __createRequire(import.meta.url);"},
	plugins: [{
		// ink imports React's devtools only when DEV is set; the package is optional and not installed.
		name: 'no-devtools',
		setup(bundle) {
			bundle.onResolve({filter: /^react-devtools-core$/}, () => ({path: 'react-devtools-core', namespace: 'stub'}));
			bundle.onLoad({filter: /.*/, namespace: 'stub'}, () => ({contents: 'export default {connectToDevTools() {}};'}));
		},
	}],
});
// The strict decoder reads its schema next to itself (createRequire('./schema/types.json')): next to the bundle too.
cpSync('source/cluster/api/schema', 'dist/schema', {recursive: true});
