// A terminal stream for Ink that writes only the lines that changed. Ink 6.8 draws a frame as tall as the terminal
// by clearing the whole terminal and writing every line (7.8 KB per frame at 120x40, even when one cursor line
// moved); its incrementalRendering option does not apply to such frames, and for shorter frames it is off by one
// line when the frame ends in a newline (measured: every frame drawn a line lower). So the dashboard hands Ink this
// wrapper: a full-screen frame (clear + lines) becomes, for each line that differs from the last frame, a cursor
// move to that row, the line, and erase-to-end-of-line. Anything else Ink writes passes through unchanged and makes
// the next frame a full one, as does a resize (the terminal reflows what it shows).
const clearTerminal = '\x1b[2J\x1b[3J\x1b[H';
/** Writes that do not touch the screen's content: synchronized-output brackets, cursor show and hide. */
const harmless = new Set(['\x1b[?2026h', '\x1b[?2026l', '\x1b[?25l', '\x1b[?25h', '']);

export interface LineDiffStats {
	frames: number;
	bytes: number;
}

export function lineDiffStdout(stdout: NodeJS.WriteStream): {stream: NodeJS.WriteStream; stats: LineDiffStats; dispose(): void} {
	let previous: string[] | undefined;
	const stats: LineDiffStats = {frames: 0, bytes: 0};
	const forget = () => {
		previous = undefined;
	};
	const write = (chunk: unknown, ...rest: unknown[]): boolean => {
		if (typeof chunk !== 'string' || !chunk.startsWith(clearTerminal)) {
			if (typeof chunk !== 'string' || !harmless.has(chunk)) forget();
			return (stdout.write as (...args: unknown[]) => boolean)(chunk, ...rest);
		}
		const lines = chunk.slice(clearTerminal.length).split('\n');
		let out: string;
		if (!previous) {
			out = chunk;
		} else {
			const parts: string[] = [];
			const rows = Math.max(lines.length, previous.length);
			for (let i = 0; i < rows; i++) {
				const line = lines[i];
				if (line === previous[i]) continue;
				parts.push(`\x1b[${i + 1};1H${line ?? ''}\x1b[K`);
			}
			out = parts.join('');
		}
		previous = lines;
		stats.frames++;
		stats.bytes += Buffer.byteLength(out);
		return (stdout.write as (...args: unknown[]) => boolean)(out, ...rest);
	};
	stdout.on('resize', forget);
	const stream = new Proxy(stdout, {
		get(target, property) {
			if (property === 'write') return write;
			const value = Reflect.get(target, property, target) as unknown;
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
	return {stream, stats, dispose: () => stdout.off('resize', forget)};
}
