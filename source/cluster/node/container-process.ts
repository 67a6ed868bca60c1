// A container's PID 1 on the simulated clock: a shell script run by the interpreter, or what the image
// catalogue says the program does (serve until stopped, exit, use memory). Signals as a runtime sends
// them: SIGTERM (a shell as PID 1 ignores it unless it traps it; servers stop at once), SIGKILL (137).
import type {Program} from './images.js';
import type {FileSystem} from './shell/filesystem.js';
import {Shell} from './shell/interpreter.js';
import type {Sleep} from './shell/effects.js';

export interface Timers {
	now(): number;
	after(ms: number, fn: () => void): number;
	cancel(id: number): void;
}

export type ExitReason = 'Completed' | 'Error' | 'OOMKilled';

export interface ProcessHost {
	timers: Timers;
	fs: FileSystem;
	env: Array<[string, string]>;
	hostname: string;
	/** What the process writes to stdout and stderr. */
	log(text: string): void;
	memoryLimitBytes?: number;
	resolve(name: string): string | undefined;
	onExit(exitCode: number, reason: ExitReason): void;
}

/** How long after start a process over its memory limit is OOM-killed (the kernel acts within moments). */
const oomAfterMs = 1000;
/** How long a server (nginx, redis, ...) takes to exit after SIGTERM. */
const serverStopMs = 100;

export class ContainerProcess {
	private shell?: Shell;
	private run?: Generator<Sleep, number, boolean | undefined>;
	private parked?: Sleep;
	private timer?: number;
	private exited = false;
	readonly startedAt: number;

	constructor(readonly program: Program, private readonly host: ProcessHost) {
		this.startedAt = host.timers.now();
	}

	get running(): boolean {
		return !this.exited;
	}

	start(): void {
		const {program, host} = this;
		switch (program.kind) {
			case 'serve':
				for (const line of program.logs) host.log(`${line}\n`);
				return;
			case 'exit':
				for (const line of program.logs) host.log(`${line}\n`);
				this.schedule(program.afterMs, () => this.exit(program.code));
				return;
			case 'stress':
				host.log(`stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd\n`);
				if (host.memoryLimitBytes !== undefined && program.memoryBytes > host.memoryLimitBytes) {
					this.schedule(oomAfterMs, () => this.exit(137, 'OOMKilled'));
				}
				return;
			case 'shell': {
				const io = {out: (t: string) => host.log(t), err: (t: string) => host.log(t)};
				this.shell = new Shell({fs: host.fs, environment: () => host.env, now: () => host.timers.now(), hostname: host.hostname, resolve: name => host.resolve(name)}, io, program.shell);
				this.run = this.shell.run(program.script);
				this.step(undefined);
			}
		}
	}

	/** Memory the process uses, bytes (for the OOM killer). */
	memoryBytes(): number {
		return this.program.kind === 'stress' ? this.program.memoryBytes : 0;
	}

	/** Ports accepting connections. */
	serves(port: number): boolean {
		return !this.exited && this.program.kind === 'serve' && (this.program.ports.includes(port) || this.program.ports.length === 0);
	}

	/** The HTTP status a GET gets, or undefined when nothing listens on the port. */
	httpGet(path: string, port: number): number | undefined {
		if (!this.serves(port) || this.program.kind !== 'serve') return undefined;
		if (this.program.http === 'liveness') return this.host.timers.now() - this.startedAt < 10_000 || path !== '/healthz' ? (path === '/healthz' ? 200 : 404) : 500;
		return 200;
	}

	term(): void {
		if (this.exited) return;
		const {program} = this;
		if (program.kind === 'shell') {
			if (this.shell!.signal('TERM') && this.parked?.interruptible) {
				this.host.timers.cancel(this.timer!);
				this.step(true);
			}
			return; // untrapped: sh as PID 1 has no default action for SIGTERM
		}
		// A server shuts down within moments of SIGTERM (the kubelet sees it at its next relist).
		if (program.kind === 'serve') return this.schedule(serverStopMs, () => this.exit(0));
		this.exit(143);
	}

	/** Forget the process without an exit (the pod is gone). */
	dispose(): void {
		if (this.timer !== undefined) this.host.timers.cancel(this.timer);
		this.timer = undefined;
		this.exited = true;
	}

	kill(): void {
		if (!this.exited) this.exit(137);
	}

	private schedule(ms: number, fn: () => void): void {
		if (ms === Infinity) return;
		this.timer = this.host.timers.after(ms, () => {
			this.timer = undefined;
			fn();
		});
	}

	private step(resume: boolean | undefined): void {
		this.parked = undefined;
		for (;;) {
			if (this.exited) return;
			const next = this.run!.next(resume);
			resume = undefined;
			if (next.done) return this.exit(next.value);
			if (next.value.ms <= 0) continue;
			this.parked = next.value;
			this.schedule(next.value.ms, () => this.step(false));
			return;
		}
	}

	private exit(code: number, reason?: ExitReason): void {
		if (this.exited) return;
		this.exited = true;
		if (this.timer !== undefined) this.host.timers.cancel(this.timer);
		this.timer = undefined;
		this.host.onExit(code, reason ?? (code === 0 ? 'Completed' : 'Error'));
	}
}
