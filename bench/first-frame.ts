// First frame: how long from starting the built kubetui in a pseudo-terminal (util-linux `script`) until the first
// frame's bytes arrive (the header's "Cluster:"), median of 5 runs, warm and cold: warm starts from the code cache an
// earlier run left (dist/kubetui.js, scripts/launcher.mjs), as every run after a user's first does; cold runs with an
// empty temp directory, so without one. `npm run bench first-frame`; needs `npm run build`.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import {join} from 'node:path';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';

const cli = fileURLToPath(new URL(process.env.CLI ?? '../dist/kubetui.js', import.meta.url));

export interface FirstFrameResult {
	fixture: string;
	/** From the code cache. */
	runs: number[];
	medianMs: number;
	/** Without a code cache (a new temp directory each run). */
	coldRuns: number[];
	coldMedianMs: number;
	/** Bytes of the first frame (alternate screen and all) up to the moment it was seen complete. */
	frameBytes: number;
}

/** One run: spawn, wait for the frame, quit with q. */
function once(args: string[], columns: number, rows: number, env: NodeJS.ProcessEnv): Promise<{ms: number; bytes: number}> {
	return new Promise((resolve, reject) => {
		const command = `stty cols ${columns} rows ${rows}; exec ${[process.execPath, cli, ...args].map(a => `'${a}'`).join(' ')}`;
		const start = performance.now();
		const child = spawn('script', ['-qfec', command, '/dev/null'], {stdio: ['pipe', 'pipe', 'inherit'], env: {...process.env, ...env, TERM: 'xterm-256color'}});
		let output = '';
		let done = false;
		const timer = setTimeout(() => {
			child.kill('SIGKILL');
			reject(new Error(`no frame within 20 s; output so far: ${JSON.stringify(output.slice(0, 300))}`));
		}, 20_000);
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			if (!done && output.includes('Cluster:') && /Time:/.test(output)) {
				done = true;
				const ms = performance.now() - start;
				clearTimeout(timer);
				child.stdin.write('q');
				child.on('exit', () => resolve({ms, bytes: Buffer.byteLength(output)}));
				setTimeout(() => child.kill('SIGKILL'), 3000).unref();
			}
		});
		child.on('error', reject);
	});
}

export async function firstFrame(fixture?: string, runs = 5): Promise<FirstFrameResult> {
	const args = fixture ? ['--cluster', fixture] : [];
	const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
	const coldRuns: number[] = [];
	for (let i = 0; i < runs; i++) {
		const empty = mkdtempSync(join(tmpdir(), 'kubetui-first-frame-'));
		try {
			coldRuns.push(Math.round((await once(args, 120, 40, {TMPDIR: empty})).ms));
		} finally {
			rmSync(empty, {recursive: true, force: true});
		}
	}
	await once(args, 120, 40, {}); // leaves the code cache, if there was none
	const times: number[] = [];
	let bytes = 0;
	for (let i = 0; i < runs; i++) {
		const run = await once(args, 120, 40, {});
		times.push(Math.round(run.ms));
		bytes = run.bytes;
	}
	return {fixture: fixture ?? 'fixtures/default.yaml', runs: times, medianMs: median(times), coldRuns, coldMedianMs: median(coldRuns), frameBytes: bytes};
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	firstFrame(process.argv[2]).then(result => console.log(JSON.stringify(result)));
}
