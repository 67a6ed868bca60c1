// An in-memory terminal for Ink (like ink-testing-library's, with a settable size): render, type keys, read frames.
import {EventEmitter} from 'node:events';
import {render as inkRender} from 'ink';
import type {ReactElement} from 'react';

export class FakeStdout extends EventEmitter {
	readonly frames: string[] = [];
	isTTY = true;
	constructor(public columns: number, public rows: number) {
		super();
	}

	write = (frame: string) => {
		this.frames.push(frame);
		return true;
	};

	lastFrame = () => this.frames[this.frames.length - 1] ?? '';

	resize(columns: number, rows: number) {
		this.columns = columns;
		this.rows = rows;
		this.emit('resize');
	}
}

export class FakeStdin extends EventEmitter {
	isTTY = true;
	private data: string | null = null;
	write = (data: string) => {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	};

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

export interface Terminal {
	stdout: FakeStdout;
	stdin: FakeStdin;
	lastFrame(): string;
	/** Lines of the last frame. */
	lines(): string[];
	/** Poll until `check` passes (or throw after `timeoutMs`, showing the last frame). */
	waitFor(check: (frame: string) => boolean, timeoutMs?: number): Promise<string>;
	/** Type keys, waiting after each for Ink to have handled it (the frame count moves or a short settle). */
	press(...keys: string[]): Promise<void>;
	rerender(tree: ReactElement): void;
	unmount(): void;
	waitUntilExit(): Promise<unknown>;
}

const delay = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export interface TerminalOptions {
	columns: number;
	rows: number;
	/** Wait for the app to listen to keys before returning (default true; false for components without input). */
	input?: boolean;
}

export async function renderTerminal(tree: ReactElement, size: TerminalOptions = {columns: 120, rows: 40}): Promise<Terminal> {
	const stdout = new FakeStdout(size.columns, size.rows);
	const stdin = new FakeStdin();
	const stderr = new FakeStdout(size.columns, size.rows);
	const instance = inkRender(tree, {
		stdout: stdout as unknown as NodeJS.WriteStream,
		stderr: stderr as unknown as NodeJS.WriteStream,
		stdin: stdin as unknown as NodeJS.ReadStream,
		debug: true,
		exitOnCtrlC: false,
		patchConsole: false,
	});
	const waitFor = async (check: (frame: string) => boolean, timeoutMs = 20_000) => {
		const deadline = Date.now() + timeoutMs;
		for (;;) {
			const frame = stdout.lastFrame();
			if (check(frame)) return frame;
			if (Date.now() > deadline) throw new Error(`timed out waiting; last frame:\n${frame}`);
			await delay(5);
		}
	};
	// Ink subscribes to input in an effect after the first render: wait until a listener is there.
	await waitFor(() => stdout.frames.length > 0);
	const deadline = Date.now() + 20_000;
	while (size.input !== false && stdin.listenerCount('readable') === 0 && Date.now() < deadline) await delay(5);
	return {
		stdout,
		stdin,
		lastFrame: stdout.lastFrame,
		lines: () => stdout.lastFrame().split('\n'),
		waitFor,
		async press(...keys) {
			for (const key of keys) {
				const before = stdout.frames.length;
				stdin.write(key);
				// Wait for a new frame; a key that changes nothing on screen gets a short settle instead.
				const until = Date.now() + 150;
				while (stdout.frames.length === before && Date.now() < until) await delay(5);
			}
		},
		rerender: tree => instance.rerender(tree),
		unmount: () => instance.unmount(),
		waitUntilExit: () => instance.waitUntilExit(),
	};
}
