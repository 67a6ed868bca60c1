// Start the dashboard full-screen (alternate screen buffer) and resolve when the user quits.
// React picks its development or production build from NODE_ENV when first loaded, so a caller that wants the
// faster production build sets NODE_ENV before importing this module (the development build diffs every prop of
// every render for its profiler; measured 2.5x slower per tick with a 30,000-pod pane).
import {render} from 'ink';
import {App} from './app.js';
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
	try {
		// Ink 6.8 redraws only the lines that changed (incrementalRendering), but a frame as tall as the terminal takes
		// its full-screen path instead: clear the terminal and write every line, every frame (7.8 KB at 120x40). So the
		// dashboard leaves the last row unused and Ink rewrites changed lines only. 60 frames a second at most: a key's
		// frame waits at most 16 ms behind the previous frame.
		const instance = render(<App cluster={cluster} readonly={options.readonly ?? false} spareRows={1} {...(options.color === undefined ? {} : {color: options.color})} />, {
			stdout,
			...(options.stdin ? {stdin: options.stdin} : {}),
			...(options.stderr ? {stderr: options.stderr} : {}),
			exitOnCtrlC: false,
			patchConsole: true,
			incrementalRendering: true,
			maxFps: 60,
		});
		await instance.waitUntilExit();
	} finally {
		restore();
		process.off('exit', restore);
	}
}

export type {AppProps} from './app.js';
export type {DashboardCluster} from './snapshot/snapshot.js';
