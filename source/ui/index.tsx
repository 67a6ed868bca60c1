// Start the dashboard full-screen (alternate screen buffer) and resolve when the user quits.
// React picks its development or production build from NODE_ENV when first loaded, so a caller that wants the
// faster production build sets NODE_ENV before importing this module (the development build diffs every prop of
// every render for its profiler; measured 2.5x slower per tick with a 30,000-pod pane).
import {render} from 'ink';
import {App} from './app.js';
import {lineDiffStdout} from './line-diff-stdout.js';
import type {DashboardCluster} from './snapshot/snapshot.js';

export interface DashboardOptions {
	stdin?: NodeJS.ReadStream;
	stdout?: NodeJS.WriteStream;
	stderr?: NodeJS.WriteStream;
	/** Colour on (default: unless NO_COLOR is set). */
	color?: boolean;
	/** --readonly: no key or command that changes the cluster. */
	readonly?: boolean;
}

export const enterAlternateScreen = '\x1b[?1049h\x1b[H';
export const leaveAlternateScreen = '\x1b[?1049l';
const showCursor = '\x1b[?25h';

export async function runDashboard(cluster: DashboardCluster, options: DashboardOptions = {}): Promise<void> {
	const stdout = options.stdout ?? process.stdout;
	let restored = false;
	const restore = () => {
		if (restored) return;
		restored = true;
		stdout.write(leaveAlternateScreen + showCursor);
	};
	// If the process ends some other way (a crash, process.exit), still give the user their screen back.
	process.once('exit', restore);
	stdout.write(enterAlternateScreen);
	const screen = lineDiffStdout(stdout);
	try {
		// Only changed lines are written (see line-diff-stdout.ts); 60 frames a second at most, so a key's frame waits
		// at most 16 ms behind the frame before it.
		const instance = render(<App cluster={cluster} readonly={options.readonly ?? false} {...(options.color === undefined ? {} : {color: options.color})} />, {
			stdout: screen.stream,
			...(options.stdin ? {stdin: options.stdin} : {}),
			...(options.stderr ? {stderr: options.stderr} : {}),
			exitOnCtrlC: false,
			patchConsole: true,
			maxFps: 60,
		});
		await instance.waitUntilExit();
	} finally {
		screen.dispose();
		restore();
		process.off('exit', restore);
	}
}

export type {AppProps} from './app.js';
export type {DashboardCluster} from './snapshot/snapshot.js';
