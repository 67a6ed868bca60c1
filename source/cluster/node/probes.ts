// The kubelet's prober: one worker per container and probe kind, scheduled on the simulated clock
// (a timer per period, nothing for containers without probes). exec runs the interpreter against the
// container's filesystem; httpGet, tcpSocket and grpc ask what the container's process serves.
import type {Container} from '../objects/types.js';
import type {ContainerProcess, Timers} from './container-process.js';
import type {FileSystem} from './shell/filesystem.js';
import {Shell} from './shell/interpreter.js';
import {builtins} from './shell/builtins.js';

type Probe = NonNullable<Container['livenessProbe']>;

export type ProbeKind = 'startup' | 'liveness' | 'readiness';

export interface ProbeTarget {
	container: Container;
	process: ContainerProcess;
	fs: FileSystem;
	env: Array<[string, string]>;
	podIP: string;
	hostname: string;
	log(text: string): void;
}

export interface ProbeResult {
	ok: boolean;
	output: string;
}

const title: Record<ProbeKind, string> = {startup: 'Startup', liveness: 'Liveness', readiness: 'Readiness'};
export const probeTitle = (kind: ProbeKind) => title[kind];

function resolvePort(port: number | string | undefined, container: Container): number {
	if (typeof port === 'number') return port;
	const named = container.ports?.find(p => p.name === port)?.containerPort;
	return named ?? Number(port ?? 0);
}

/** Run an exec probe's command to its end within its timeout, as `kubectl exec` would, on borrowed time. */
function execProbe(command: string[], target: ProbeTarget, timeoutMs: number, now: number): ProbeResult {
	const name = (command[0] ?? '').split('/').pop()!;
	const shells = ['sh', 'bash', 'ash'];
	if (!shells.includes(name) && !builtins[name]) return {ok: target.process.running, output: ''}; // the image's own client (redis-cli ping)
	let output = '';
	let elapsed = 0;
	const quote = (w: string) => `'${w.replace(/'/g, `'\\''`)}'`;
	const script = shells.includes(name) && command[1] === '-c' ? command[2] ?? '' : command.map(quote).join(' ');
	const shell = new Shell({fs: target.fs, environment: () => target.env, now: () => now + elapsed, hostname: target.hostname, resolve: () => undefined}, {out: t => void (output += t), err: t => void (output += t)});
	const run = shell.run(script);
	for (;;) {
		const next = run.next();
		if (next.done) return {ok: next.value === 0, output: output.trimEnd()};
		elapsed += next.value.ms;
		if (elapsed > timeoutMs) return {ok: false, output: `command ${JSON.stringify(command.join(' '))} timed out`};
	}
}

export function runProbe(probe: Probe, target: ProbeTarget, now: number): ProbeResult {
	const timeoutMs = (probe.timeoutSeconds ?? 1) * 1000;
	if (probe.exec) return execProbe(probe.exec.command ?? [], target, timeoutMs, now);
	if (probe.httpGet) {
		const port = resolvePort(probe.httpGet.port, target.container);
		const host = probe.httpGet.host ?? target.podIP;
		const path = probe.httpGet.path ?? '/';
		const url = `${(probe.httpGet.scheme ?? 'HTTP').toLowerCase()}://${host}:${port}${path}`;
		const code = target.process.httpGet(path, port);
		if (code === undefined) return {ok: false, output: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused`};
		if (target.process.program.kind === 'serve' && target.process.program.logs.some(l => l.includes('docker-entrypoint'))) {
			target.log(`${target.podIP.replace(/\.\d+$/, '.1')} - - [${accessTime(now)}] "GET ${path} HTTP/1.1" ${code} 615 "-" "kube-probe/1.32" "-"\n`);
		}
		return code >= 200 && code < 400 ? {ok: true, output: ''} : {ok: false, output: `HTTP probe failed with statuscode: ${code}`};
	}
	if (probe.tcpSocket) {
		const port = resolvePort(probe.tcpSocket.port, target.container);
		const host = probe.tcpSocket.host ?? target.podIP;
		return target.process.serves(port) ? {ok: true, output: ''} : {ok: false, output: `dial tcp ${host}:${port}: connect: connection refused`};
	}
	if (probe.grpc) {
		const port = probe.grpc.port;
		return target.process.serves(port) ? {ok: true, output: ''} : {ok: false, output: `timeout: failed to connect service "${target.podIP}:${port}" within ${probe.timeoutSeconds ?? 1}s`};
	}
	return {ok: true, output: ''};
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
function accessTime(ms: number): string {
	const d = new Date(ms);
	const p = (n: number) => String(n).padStart(2, '0');
	return `${p(d.getUTCDate())}/${months[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** One probe of one container: runs every periodSeconds from the first period at or after initialDelaySeconds. */
export class ProbeWorker {
	private timer?: number;
	private successes = 0;
	private failures = 0;
	private stopped = false;

	constructor(
		readonly kind: ProbeKind,
		private readonly probe: Probe,
		private readonly target: ProbeTarget,
		private readonly timers: Timers,
		/** Told each result, with the consecutive counts against the thresholds. */
		private readonly onResult: (worker: ProbeWorker, result: ProbeResult, crossed: 'success' | 'failure' | undefined) => void,
	) {}

	start(): void {
		const period = (this.probe.periodSeconds ?? 10) * 1000;
		const delay = (this.probe.initialDelaySeconds ?? 0) * 1000;
		this.schedule(Math.ceil(delay / period) * period);
	}

	stop(): void {
		this.stopped = true;
		if (this.timer !== undefined) this.timers.cancel(this.timer);
		this.timer = undefined;
	}

	private schedule(ms: number): void {
		this.timer = this.timers.after(ms, () => {
			this.timer = undefined;
			if (this.stopped || !this.target.process.running) return;
			this.schedule((this.probe.periodSeconds ?? 10) * 1000);
			const result = runProbe(this.probe, this.target, this.timers.now());
			let crossed: 'success' | 'failure' | undefined;
			if (result.ok) {
				this.failures = 0;
				if (++this.successes === (this.probe.successThreshold ?? 1)) crossed = 'success';
			} else {
				this.successes = 0;
				if (++this.failures === (this.probe.failureThreshold ?? 3)) crossed = 'failure';
			}
			this.onResult(this, result, crossed);
		});
	}
}
