// One container of a pod as the pod worker tracks it: its state machine, its current process, its probes
// and timers. What a quiet container never needs (filesystem, environment, back-off records, log buffer)
// is built on first use, so a pod that only serves costs little.
import type {Actor} from 'xstate';
import type {Container} from '../objects/types.js';
import type {containerMachine} from '../machines/container.js';
import {Backoff} from './backoff.js';
import type {ContainerProcess, ExitReason, ProcessHost, Timers} from './container-process.js';
import {memoryLimit} from './resources.js';
import {ContainerLog} from './logs.js';
import type {ProbeWorker} from './probes.js';
import type {FileSystem} from './shell/filesystem.js';

export type Role = 'init' | 'sidecar' | 'regular';

export interface RunContext {
	timers: Timers;
	hostname: string;
	resolve(name: string): string | undefined;
	processExited(run: ContainerRun, process: ContainerProcess, code: number, reason: ExitReason): void;
	filesystemFor(container: Container): FileSystem;
	/** The environment, or the CreateContainerConfigError message. */
	envFor(container: Container): Array<[string, string]> | string;
}

/** Also the host of its process: what PID 1 sees of the node (its filesystem, environment, log, clock). */
export class ContainerRun implements ProcessHost {
	process?: ContainerProcess;
	probes: ProbeWorker[] = [];
	/** A timer for a retry (back-off, config error) or a pending pull. */
	timer?: number;
	/** SIGKILL (or end-of-hook) timer while stopping. */
	killTimer?: number;
	stopping = false;
	private filesystem?: FileSystem;
	private environment?: Array<[string, string]>;
	private crashBackoff?: Backoff;
	private pullBackoff?: Backoff;
	private buffer?: ContainerLog;

	constructor(readonly spec: Container, readonly role: Role, readonly actor: Actor<typeof containerMachine>, private readonly context: RunContext) {}

	get crash(): Backoff {
		return (this.crashBackoff ??= new Backoff());
	}

	get pull(): Backoff {
		return (this.pullBackoff ??= new Backoff());
	}

	get logs(): ContainerLog {
		return (this.buffer ??= new ContainerLog());
	}

	get timers(): Timers {
		return this.context.timers;
	}

	get hostname(): string {
		return this.context.hostname;
	}

	get memoryLimitBytes(): number | undefined {
		return memoryLimit(this.spec);
	}

	log(text: string): void {
		this.logs.write(text, this.context.timers.now());
	}

	resolve(name: string): string | undefined {
		return this.context.resolve(name);
	}

	onExit(code: number, reason: ExitReason): void {
		this.context.processExited(this, this.process!, code, reason);
	}

	/** True once something was logged (an untouched log has no lines and no previous instance). */
	get hasLog(): boolean {
		return this.buffer !== undefined;
	}

	/** The current instance's filesystem: its own root plus the pod's volumes it mounts. */
	get fs(): FileSystem {
		return (this.filesystem ??= this.context.filesystemFor(this.spec));
	}

	get env(): Array<[string, string]> {
		if (!this.environment) {
			const env = this.context.envFor(this.spec);
			this.environment = typeof env === 'string' ? [] : env;
		}
		return this.environment;
	}

	/** A new instance: a fresh root filesystem (volumes stay), the environment as resolved now. */
	newInstance(env: Array<[string, string]> | undefined): void {
		this.filesystem = undefined;
		this.environment = env;
	}
}
