// `npm run bench ui`: the dashboard's feel, measured in-process on a fake terminal (Ink writes to it as to a TTY).
// - keypress to frame on the 30,000-pod cluster at 200x50: wall ms from a key's bytes reaching stdin to the next frame
//   written, p50 and p95, for j, Tab, a filter character (`/` then text) and n (to the frame showing the tick
//   running, and to the frame of the tick done);
// - bytes per frame at 120x40 on the default fixture, with Ink's full repaint (before) and changed lines only (now,
//   source/ui/line-diff-stdout.ts);
// - the first frame of the built kubetui in a pseudo-terminal (bench/first-frame.ts), median of 5.
// Results go to bench/ui-results.json. React's production build, as the kubetui command uses.
import {EventEmitter} from 'node:events';
import {writeFileSync} from 'node:fs';
import {loadavg} from 'node:os';
import {performance} from 'node:perf_hooks';
import type {ReactElement} from 'react';
import type {Cluster} from '../source/cluster/index.js';

process.env['NODE_ENV'] = 'production';
const {createElement} = await import('react');
const {render} = await import('ink');
const {App} = await import('../source/ui/app.js');
const {lineDiffStdout} = await import('../source/ui/line-diff-stdout.js');
const {createCluster} = await import('../source/cluster/index.js');
const {populate, scenarios} = await import('./scenarios.js');
const {firstFrame} = await import('./first-frame.js');

class Tty extends EventEmitter {
	isTTY = true;
	bytes = 0;
	frames = 0;
	lastWrite = 0;
	constructor(public columns: number, public rows: number) {
		super();
	}

	write = (chunk: string) => {
		this.bytes += Buffer.byteLength(chunk);
		// Synchronized-output brackets and cursor show/hide come as writes of their own: not frames.
		if (chunk.length <= 8 && chunk !== '') return true;
		this.frames++;
		this.lastWrite = performance.now();
		this.text = chunk;
		return true;
	};

	text = '';
}

class Keys extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write(data: string) {
		this.data = data;
		this.emit('readable');
	}

	read = () => {
		const {data} = this;
		this.data = null;
		return data;
	};

	setEncoding() {}
	setRawMode() {}
	resume() {}
	pause() {}
	ref() {}
	unref() {}
}

const tick = () => new Promise(resolve => setImmediate(resolve));
const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

interface Screen {
	out: Tty;
	keys: Keys;
	unmount(): void;
}

/** `lineDiff`: through the dashboard's changed-lines writer, as runDashboard draws; else Ink's own full repaint. */
async function mount(tree: ReactElement, columns: number, rows: number, lineDiff: boolean): Promise<Screen> {
	const out = new Tty(columns, rows);
	const keys = new Keys();
	const stdout = out as unknown as NodeJS.WriteStream;
	const instance = render(tree, {
		stdout: lineDiff ? lineDiffStdout(stdout).stream : stdout, stdin: keys as unknown as NodeJS.ReadStream, stderr: new Tty(columns, rows) as unknown as NodeJS.WriteStream,
		exitOnCtrlC: false, patchConsole: false, maxFps: 60,
	});
	while (keys.listenerCount('readable') === 0) await sleep(5);
	await sleep(50);
	return {out, keys, unmount: () => instance.unmount()};
}

/** Type a key; resolve with the ms until a frame is written after it, or until `until(frame)` holds. */
async function press(screen: Screen, key: string, until?: (text: string) => boolean, timeoutMs = Number(process.env["BENCH_UI_KEY_TIMEOUT"] ?? 600_000)): Promise<number> {
	const frames = screen.out.frames;
	const start = performance.now();
	screen.keys.write(key);
	const deadline = start + timeoutMs;
	while (performance.now() < deadline) {
		if (screen.out.frames > frames && (!until || until(screen.out.text))) return screen.out.lastWrite - start;
		await tick();
	}
	throw new Error(`no frame for key ${JSON.stringify(key)} within ${timeoutMs} ms`);
}

function percentiles(values: number[]): {n: number; p50: number; p95: number; max: number} {
	const sorted = [...values].sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
	const round = (n: number) => Number(n.toFixed(1));
	return {n: values.length, p50: round(at(0.5)), p95: round(at(0.95)), max: round(sorted.at(-1)!)};
}

async function series(screen: Screen, key: string, count: number, settleMs = 25): Promise<number[]> {
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		times.push(await press(screen, key));
		await sleep(settleMs);
	}
	return times;
}

async function keypressToFrame(ticks: number) {
	const scenario = scenarios.find(s => s.name === 'scale-30k')!;
	const cluster: Cluster = createCluster({seed: 1});
	populate(cluster, scenario);
	for (let i = 0; i < ticks; i++) {
		cluster.step();
		process.stderr.write(`\rui: 30k-pod cluster, tick ${i + 1}/${ticks}   `);
	}
	process.stderr.write('\n');
	const mountStart = performance.now();
	const screen = await mount(createElement(App, {cluster, color: true}), 200, 50, true);
	const mountMs = performance.now() - mountStart;
	process.stderr.write(`ui: first render ${mountMs.toFixed(0)} ms; keys j, Tab, filter, n\n`);
	const j = await series(screen, 'j', 60);
	process.stderr.write('ui: j done\n');
	const tab = await series(screen, '\t', 24);
	process.stderr.write('ui: Tab done\n');
	// The `/` filter on the pods pane (focused again after a multiple of four Tabs): each character narrows 30,000 rows.
	await press(screen, '/');
	const filter: number[] = [];
	for (const char of 'app-0') {
		filter.push(await press(screen, char));
		await sleep(25);
	}
	await press(screen, '\x1b');
	await sleep(50);
	process.stderr.write('ui: Tab and filter done\n');
	const nStart: number[] = [];
	const nDone: number[] = [];
	for (let i = 0; i < 3; i++) {
		// The frame of the tick done: the header's next tick, no longer "ticking…".
		const done = new RegExp(`Tick ${cluster.clock.tick + 1} · Paused · 1x(?! ·)`);
		const started = performance.now();
		nStart.push(await press(screen, 'n'));
		while (!done.test(screen.out.text)) await sleep(1);
		nDone.push(screen.out.lastWrite - started);
		await sleep(100);
	}
	screen.unmount();
	return {
		cluster: `${scenario.description}, after ${ticks} ticks`, terminal: '200x50', firstRenderMs: Number(mountMs.toFixed(0)),
		keys: {j: percentiles(j), tab: percentiles(tab), filterCharacter: percentiles(filter), nToTickingFrame: percentiles(nStart), nToTickFrame: percentiles(nDone)},
	};
}

async function bytesPerFrame() {
	const result: Record<string, {frames: number; bytes: number; bytesPerFrame: number}> = {};
	for (const [mode, incremental] of [['changedLines', true], ['fullRepaint', false]] as const) {
		const cluster = createCluster({seed: 1});
		cluster.run('apply -f fixtures/default.yaml');
		cluster.step(5);
		process.stderr.write(`ui: bytes per frame, ${mode}\n`);
		const screen = await mount(createElement(App, {cluster, color: true}), 120, 40, incremental);
		const bytes = screen.out.bytes;
		const frames = screen.out.frames;
		await series(screen, 'j', 10);
		for (let i = 0; i < 5; i++) {
			const done = new RegExp(`Tick ${cluster.clock.tick + 1} · Paused · 1x(?! ·)`);
			await press(screen, 'n');
			while (!done.test(screen.out.text)) await sleep(1);
			await sleep(40);
		}
		await series(screen, '\t', 4);
		const n = screen.out.frames - frames;
		result[mode] = {frames: n, bytes: screen.out.bytes - bytes, bytesPerFrame: Math.round((screen.out.bytes - bytes) / n)};
		screen.unmount();
	}
	return {terminal: '120x40', fixture: 'fixtures/default.yaml after 5 ticks; keys j x10, n x5, Tab x4', ...result};
}

const ticks = Number(process.env['BENCH_UI_TICKS'] ?? 4);
process.stderr.write('ui: bytes per frame\n');
const frames = await bytesPerFrame();
console.log('bytes per frame', JSON.stringify(frames));
const first = process.env["BENCH_UI_SKIP_FIRST"] ? {skipped: "BENCH_UI_SKIP_FIRST"} : await firstFrame().catch((error: Error) => ({skipped: error.message}));
console.log('first frame', first);
if (process.env["BENCH_UI_ONLY_FRAMES"]) process.exit(0);
const keys = await keypressToFrame(ticks);
console.table(keys.keys);
// The machine's load at the end: these are wall times, and a shared machine stretches them.
const out = {date: new Date().toISOString(), node: process.version, loadAverage: loadavg().map(n => Number(n.toFixed(1))), keypressToFrame: keys, bytesPerFrame: frames, firstFrame: first};
writeFileSync(new URL('./ui-results.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
process.exit(0);
