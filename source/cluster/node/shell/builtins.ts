// The commands a script may run, with busybox's messages (the images manifests use are mostly busybox
// or alpine). Each returns an exit status; `sleep` asks for time through the generator.
import type {FileSystem, FsError} from './filesystem.js';
import {ShellExit, sleepMs, type IO, type Sleep} from './effects.js';

export interface ShellHost {
	fs: FileSystem;
	/** The container's environment (and the shell's exported variables). */
	environment(): Array<[string, string]>;
	now(): number;
	hostname: string;
	/** DNS: an address for a name, or undefined (NXDOMAIN). */
	resolve(name: string): string | undefined;
}

export type Builtin = (args: string[], io: IO, host: ShellHost) => Generator<Sleep, number, boolean | undefined>;

const why: Record<FsError, string> = {
	ENOENT: 'No such file or directory', EISDIR: 'Is a directory', EROFS: 'Read-only file system',
	ENOTDIR: 'Not a directory', EEXIST: 'File exists',
};

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const pad = (n: number) => String(n).padStart(2, '0');

/** busybox `date`: `Thu Jan  1 00:00:05 UTC 2026`; `date +%s` gives seconds. */
export function dateText(ms: number, format?: string): string {
	const d = new Date(ms);
	if (format === '+%s') return String(Math.floor(ms / 1000));
	return `${days[d.getUTCDay()]} ${months[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function flags(args: string[]): {flags: string; rest: string[]} {
	let all = '';
	let i = 0;
	for (; i < args.length && /^-[A-Za-z]+$/.test(args[i]!); i++) all += args[i]!.slice(1);
	return {flags: all, rest: args.slice(i)};
}

/** printf with %s, %d, %% and backslash escapes. */
function printf(format: string, args: string[]): string {
	let i = 0;
	const escaped = format.replace(/\\n/g, '\n').replace(/\\t/g, '\t');
	return escaped.replace(/%([sd%])/g, (_, spec: string) => spec === '%' ? '%' : spec === 'd' ? String(Number.parseInt(args[i++] ?? '0', 10) || 0) : args[i++] ?? '');
}

/** `test` / `[`: file tests, string and integer comparisons, `!`. */
export function evaluateTest(args: string[], fs: FileSystem): boolean {
	if (args[0] === '!') return !evaluateTest(args.slice(1), fs);
	if (args.length === 0) return false;
	if (args.length === 1) return args[0] !== '';
	if (args.length === 2) {
		const [op, value] = args as [string, string];
		switch (op) {
			case '-f': return fs.isFile(value);
			case '-d': return fs.isDir(value);
			case '-e': return fs.exists(value);
			case '-s': { const text = fs.read(value); return fs.isFile(value) && typeof text === 'string' && text.length > 0; }
			case '-z': return value === '';
			case '-n': return value !== '';
			default: return false;
		}
	}
	const [a, op, b] = args as [string, string, string];
	const x = Number.parseInt(a, 10);
	const y = Number.parseInt(b, 10);
	switch (op) {
		case '=': case '==': return a === b;
		case '!=': return a !== b;
		case '-eq': return x === y;
		case '-ne': return x !== y;
		case '-lt': return x < y;
		case '-le': return x <= y;
		case '-gt': return x > y;
		case '-ge': return x >= y;
		default: return false;
	}
}

export const builtins: Record<string, Builtin> = {
	*true() { return 0; },
	*false() { return 1; },
	*':'() { return 0; },
	*exit(args) { throw new ShellExit(args[0] === undefined ? 0 : (Number.parseInt(args[0], 10) & 0xff)); },
	*sleep(args, io) {
		const ms = sleepMs(args[0] ?? '');
		if (ms === undefined) {
			io.err(`sleep: invalid number '${args[0] ?? ''}'\n`);
			return 1;
		}
		yield {ms};
		return 0;
	},
	*echo(args, io) {
		let newline = true;
		if (args[0] === '-n') {
			newline = false;
			args = args.slice(1);
		} else if (args[0] === '-e') args = args.slice(1);
		io.out(args.join(' ').replace(/\\n/g, '\n') + (newline ? '\n' : ''));
		return 0;
	},
	*printf(args, io) {
		if (args.length === 0) {
			io.err('printf: usage: printf FORMAT [ARGUMENT...]\n');
			return 1;
		}
		io.out(printf(args[0]!, args.slice(1)));
		return 0;
	},
	*cat(args, io, host) {
		if (args.length === 0) {
			io.out(io.stdin ?? '');
			return 0;
		}
		let status = 0;
		for (const path of args) {
			const text = host.fs.read(path);
			if (text === 'ENOENT' || text === 'EISDIR') {
				io.err(text === 'ENOENT' ? `cat: can't open '${path}': No such file or directory\n` : `cat: read error: Is a directory\n`);
				status = 1;
			} else io.out(text as string);
		}
		return status;
	},
	*touch(args, io, host) {
		let status = 0;
		for (const path of flags(args).rest) {
			if (host.fs.isFile(path)) continue;
			const error = host.fs.write(path, '');
			if (error) {
				io.err(`touch: ${path}: ${why[error]}\n`);
				status = 1;
			}
		}
		return status;
	},
	*rm(args, io, host) {
		const {flags: f, rest} = flags(args);
		let status = 0;
		for (const path of rest) {
			const error = host.fs.remove(path, f.includes('r') || f.includes('R'));
			if (error === 'ENOENT' && f.includes('f')) continue;
			if (error) {
				io.err(`rm: can't remove '${path}': ${error === 'EISDIR' ? 'Is a directory' : why[error]}\n`);
				status = 1;
			}
		}
		return status;
	},
	*mkdir(args, io, host) {
		const {flags: f, rest} = flags(args);
		let status = 0;
		for (const path of rest) {
			const error = host.fs.mkdir(path, f.includes('p'));
			if (error) {
				io.err(`mkdir: can't create directory '${path}': ${why[error]}\n`);
				status = 1;
			}
		}
		return status;
	},
	*ls(args, io, host) {
		let status = 0;
		for (const path of flags(args).rest.length ? flags(args).rest : ['.']) {
			const names = host.fs.list(path === '.' ? '/' : path);
			if (typeof names === 'string') {
				io.err(`ls: ${path}: No such file or directory\n`);
				status = 1;
			} else if (names.length) io.out(`${names.join('\n')}\n`);
		}
		return status;
	},
	*test(args, _io, host) { return evaluateTest(args, host.fs) ? 0 : 1; },
	*'['(args, io, host) {
		if (args.at(-1) !== ']') {
			io.err('[: missing ]\n');
			return 2;
		}
		return evaluateTest(args.slice(0, -1), host.fs) ? 0 : 1;
	},
	*date(args, io, host) {
		io.out(`${dateText(host.now(), args[0])}\n`);
		return 0;
	},
	*env(_args, io, host) {
		io.out(host.environment().map(([k, v]) => `${k}=${v}\n`).join(''));
		return 0;
	},
	*hostname(_args, io, host) {
		io.out(`${host.hostname}\n`);
		return 0;
	},
	*seq(args, io) {
		const [from, to] = args.length >= 2 ? [Number(args[0]), Number(args[1])] : [1, Number(args[0])];
		const lines: string[] = [];
		for (let n = from; n <= to && lines.length < 10_000; n++) lines.push(String(n));
		if (lines.length) io.out(`${lines.join('\n')}\n`);
		return 0;
	},
	*tail(args, io, host) {
		const {flags: f, rest} = flags(args);
		if (f.includes('f')) {
			yield {ms: Infinity}; // `tail -f /dev/null`: the classic way to keep a container running
			return 0;
		}
		return yield* builtins['cat']!(rest, io, host);
	},
	*nslookup(args, io, host) {
		const name = args[0] ?? '';
		io.out('Server:\t\t10.96.0.10\nAddress:\t10.96.0.10:53\n\n');
		const address = host.resolve(name);
		if (address === undefined) {
			io.out(`** server can't find ${name}: NXDOMAIN\n\n`);
			return 1;
		}
		io.out(`Name:\t${name}\nAddress: ${address}\n\n`);
		return 0;
	},
};
