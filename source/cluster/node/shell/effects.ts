// What a running script asks of the simulated world: time to pass. The driver turns a Sleep into a
// timer on the cluster's clock and resumes the script when it fires (or at once, if it is interrupted).

export interface Sleep {
	ms: number;
	/** `wait` is interrupted by a trapped signal; a foreground `sleep` is not (it is a child process). */
	interruptible?: boolean;
}

export interface IO {
	out(text: string): void;
	err(text: string): void;
	stdin?: string;
}

/** `exit N` unwinds the script. */
export class ShellExit {
	constructor(readonly code: number) {}
}

/** Parse `sleep` durations: 5, 0.5, 2m, 1h, infinity. */
export function sleepMs(arg: string): number | undefined {
	if (arg === 'infinity' || arg === 'inf') return Infinity;
	const match = /^(\d+(?:\.\d+)?|\.\d+)([smhd]?)$/.exec(arg);
	if (!match) return undefined;
	const unit = {'': 1, s: 1, m: 60, h: 3600, d: 86_400}[match[2]!]!;
	return Math.round(Number(match[1]) * unit * 1000);
}
