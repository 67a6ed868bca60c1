// First frame: how long from starting the built kubetui in a pseudo-terminal (util-linux `script`) until the first
// frame's bytes arrive (the header's "Cluster:"), median of 5 runs. `npm run bench first-frame`; needs `npm run build`.
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {performance} from 'node:perf_hooks';

const cli = fileURLToPath(new URL(process.env.CLI ?? '../dist/kubetui.js', import.meta.url));

export interface FirstFrameResult {
	fixture: string;
	runs: number[];
	medianMs: number;
	/** Bytes of the first frame (alternate screen and all) up to the moment it was seen complete. */
	frameBytes: number;
}

/** One run: spawn, wait for the frame, quit with q. */
function once(args: string[], columns: number, rows: number): Promise<{ms: number; bytes: number}> {
	return new Promise((resolve, reject) => {
		const command = `stty cols ${columns} rows ${rows}; exec ${[process.execPath, cli, ...args].map(a => `'${a}'`).join(' ')}`;
		const start = performance.now();
		const child = spawn('script', ['-qfec', command, '/dev/null'], {stdio: ['pipe', 'pipe', 'inherit'], env: {...process.env, TERM: 'xterm-256color'}});
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
	const times: number[] = [];
	let bytes = 0;
	for (let i = 0; i < runs; i++) {
		const run = await once(args, 120, 40);
		times.push(Math.round(run.ms));
		bytes = run.bytes;
	}
	const sorted = [...times].sort((a, b) => a - b);
	return {fixture: fixture ?? 'fixtures/default.yaml', runs: times, medianMs: sorted[Math.floor(sorted.length / 2)]!, frameBytes: bytes};
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	firstFrame(process.argv[2]).then(result => console.log(JSON.stringify(result)));
}
