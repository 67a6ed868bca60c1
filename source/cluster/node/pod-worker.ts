// The kubelet's pod worker for one pod (pkg/kubelet/pod_workers.go + kuberuntime's SyncPod): mount the
// volumes, run init containers in order (sidecars keep running), start the regular containers one
// after another (a pull blocks the next), restart exited containers by the restart policy with
// back-off, act on probe results, and on deletion run preStop, SIGTERM, and SIGKILL at the grace period.
import {createActor, type Actor} from 'xstate';
import type {Container, Pod} from '../objects/types.js';
import {containerMachine, type ContainerContext} from '../machines/container.js';
import {ContainerRun, type Role, type RunContext} from './container-run.js';
import {ContainerProcess, type ExitReason, type Timers} from './container-process.js';
import type {ContainerRuntime} from './container-runtime.js';
import {containerEnv} from './container-env.js';
import {fakeDigest, goDuration} from './digest.js';
import {programFor} from './images.js';
import {ProbeWorker, probeTitle, type ProbeResult} from './probes.js';
import {FileSystem, type Volume} from './shell/filesystem.js';
import {mountVolumes, type ObjectSource} from './volumes.js';
import {pullFails, pullFailure, startPull} from './image-pull.js';
import {stopContainer} from './termination.js';

export {ContainerRun, type Role} from './container-run.js';

export interface WorkerHost {
	timers: Timers;
	runtime: ContainerRuntime;
	objects: ObjectSource;
	hostIP: string;
	event(worker: PodWorker, type: 'Normal' | 'Warning', reason: string, message: string): void;
	changed(worker: PodWorker): void;
	/** Cluster DNS as a pod of `namespace` asks it (its search path): the first address, or undefined (NXDOMAIN). */
	resolve(name: string, namespace: string): string | undefined;
}

/** The kubelet's PLEG relist period: how soon it notices a container has exited. */
const relistMs = 1000;

export type WorkerPhase = 'mounting' | 'initializing' | 'running' | 'terminating' | 'stopped';

export class PodWorker implements RunContext {
	phase: WorkerPhase = 'mounting';
	initialized = false;
	readonly runs: ContainerRun[] = [];
	private volumes = new Map<string, () => Volume>();
	private readonly built = new Map<string, Volume>();
	private readonly queue: ContainerRun[] = [];
	private busy = false;
	private mountTimer?: number;
	private mountDelayMs = 500;
	private deadline = 0;

	constructor(public pod: Pod, readonly key: string, readonly podIP: string, private readonly host: WorkerHost) {
		const add = (spec: Container, role: Role) => {
			const actor = createActor(containerMachine, {input: {name: spec.name, image: spec.image ?? '', reason: role !== 'regular' || pod.spec?.initContainers?.length ? 'PodInitializing' : 'ContainerCreating'}});
			actor.start();
			this.runs.push(new ContainerRun(spec, role, actor, this));
		};
		for (const c of pod.spec?.initContainers ?? []) add(c, c.restartPolicy === 'Always' ? 'sidecar' : 'init');
		for (const c of pod.spec?.containers ?? []) add(c, 'regular');
	}

	private get now(): number {
		return this.host.timers.now();
	}

	private get restartPolicy(): string {
		return this.pod.spec?.restartPolicy ?? 'Always';
	}

	state(run: ContainerRun): ContainerContext & {value: 'waiting' | 'running' | 'terminated'} {
		const snapshot = run.actor.getSnapshot();
		return {...snapshot.context, value: snapshot.value as 'waiting' | 'running' | 'terminated'};
	}

	find(name: string): ContainerRun | undefined {
		return this.runs.find(r => r.spec.name === name);
	}

	start(): void {
		const result = mountVolumes(this.pod, this.host.objects);
		if ('message' in result) {
			this.host.event(this, 'Warning', 'FailedMount', result.message);
			this.mountTimer = this.host.timers.after(this.mountDelayMs, () => this.start());
			this.mountDelayMs = Math.min(this.mountDelayMs * 2, 122_000);
			return;
		}
		this.volumes = result.volumes;
		this.phase = 'initializing';
		this.host.changed(this);
		this.nextInit();
	}

	/** Start the first init container not done; once all are, the regular containers. */
	private nextInit(): void {
		if (this.phase !== 'initializing') return;
		for (const run of this.runs) {
			if (run.role === 'regular') break;
			const s = this.state(run);
			if (run.role === 'sidecar' && s.value === 'running' && s.started) continue;
			if (run.role === 'init' && s.value === 'terminated' && s.terminated!.exitCode === 0) continue;
			if (s.value === 'waiting' && s.runs === 0 && !this.queue.includes(run) && run.timer === undefined) this.enqueue(run);
			return;
		}
		this.initialized = true;
		this.phase = 'running';
		for (const run of this.runs) if (run.role === 'regular') this.enqueue(run);
		this.host.changed(this);
	}

	private enqueue(run: ContainerRun): void {
		this.queue.push(run);
		this.pump();
	}

	/** Containers start one at a time, in order: the kubelet's SyncPod pulls and starts each in turn. */
	private pump(): void {
		while (!this.busy && this.queue.length && this.phase !== 'terminating' && this.phase !== 'stopped') this.begin(this.queue.shift()!);
	}

	private begin(run: ContainerRun): void {
		const {spec} = run;
		const image = spec.image ?? '';
		if (pullFails(this.pod, spec.name)) {
			this.busy = true;
			this.host.event(this, 'Normal', 'Pulling', `Pulling image "${image}"`);
			run.timer = this.host.timers.after(startPull(this.host.runtime, image), () => {
				run.timer = undefined;
				this.busy = false;
				pullFailure(run, image, this.now, this.host, this, () => this.enqueue(run));
				this.pump();
			});
			return;
		}
		if (spec.imagePullPolicy === 'Never' && !this.host.runtime.isPresent(image)) {
			const message = `Container image "${image}" is not present with pull policy of Never`;
			run.actor.send({type: 'WAIT', reason: 'ErrImageNeverPull', message});
			this.host.event(this, 'Warning', 'ErrImageNeverPull', message);
			this.host.event(this, 'Warning', 'Failed', 'Error: ErrImageNeverPull');
			this.host.changed(this);
			run.timer = this.host.timers.after(10_000, () => {
				run.timer = undefined;
				this.enqueue(run);
			});
			return;
		}
		const plan = this.host.runtime.pull(image, spec.imagePullPolicy);
		if (plan.pullMs === 0) {
			this.host.event(this, 'Normal', 'Pulled', `Container image "${image}" already present on machine`);
			return this.create(run);
		}
		this.busy = true;
		this.host.event(this, 'Normal', 'Pulling', `Pulling image "${image}"`);
		run.timer = this.host.timers.after(plan.pullMs, () => {
			run.timer = undefined;
			this.busy = false;
			this.host.event(this, 'Normal', 'Pulled', `Successfully pulled image "${image}" in ${goDuration(plan.pullMs - plan.waitMs)} (${goDuration(plan.pullMs)} including waiting). Image size: ${plan.size} bytes.`);
			this.create(run);
			this.pump();
		});
	}

	private create(run: ContainerRun): void {
		if (this.phase === 'terminating' || this.phase === 'stopped') return;
		const {spec} = run;
		// Only a container that takes values from ConfigMaps or Secrets can fail here; the rest resolve on use.
		const env = spec.env?.length || spec.envFrom?.length ? this.envFor(spec) : undefined;
		if (typeof env === 'string') {
			run.actor.send({type: 'WAIT', reason: 'CreateContainerConfigError', message: env});
			this.host.event(this, 'Warning', 'Failed', `Error: ${env}`);
			this.host.changed(this);
			run.timer = this.host.timers.after(10_000, () => {
				run.timer = undefined;
				this.enqueue(run);
			});
			return;
		}
		run.newInstance(env);
		const s = this.state(run);
		if (s.runs > 0 && run.hasLog) run.logs.rotate(this.now);
		const containerID = `containerd://${fakeDigest(`${this.pod.metadata?.uid}/${spec.name}/${s.runs}`)}`;
		this.host.event(this, 'Normal', 'Created', `Created container: ${spec.name}`);
		run.actor.send({type: 'START', at: this.now, containerID});
		this.host.event(this, 'Normal', 'Started', `Started container ${spec.name}`);
		const process = new ContainerProcess(programFor(spec), run);
		run.process = process;
		this.startProbes(run);
		this.host.changed(this);
		process.start();
	}

	private startProbes(run: ContainerRun): void {
		if (run.spec.startupProbe) {
			const startup = this.probeWorker(run, 'startup', run.spec.startupProbe);
			run.probes.push(startup);
			startup.start();
		} else {
			this.started(run);
		}
	}

	/** The startup probe passed (or there is none): liveness and readiness begin; a sidecar lets the next init container go. */
	private started(run: ContainerRun): void {
		const {spec} = run;
		run.actor.send({type: 'STARTED'});
		const more: ProbeWorker[] = [];
		if (spec.livenessProbe) more.push(this.probeWorker(run, 'liveness', spec.livenessProbe));
		if (spec.readinessProbe) more.push(this.probeWorker(run, 'readiness', spec.readinessProbe));
		else run.actor.send({type: 'READY', ready: true});
		run.probes.push(...more);
		for (const p of more) p.start();
		this.host.changed(this);
		if (run.role === 'sidecar') this.nextInit();
	}

	private probeWorker(run: ContainerRun, kind: 'startup' | 'liveness' | 'readiness', probe: NonNullable<Container['livenessProbe']>): ProbeWorker {
		return new ProbeWorker(kind, probe, this.targetOf(run), this.host.timers, (w, result, crossed) => this.probed(run, w, result, crossed));
	}

	private probed(run: ContainerRun, worker: ProbeWorker, result: ProbeResult, crossed: 'success' | 'failure' | undefined): void {
		if (this.phase === 'stopped' || run.stopping) return;
		if (!result.ok) this.host.event(this, 'Warning', 'Unhealthy', `${probeTitle(worker.kind)} probe failed: ${result.output}`);
		if (worker.kind === 'readiness' && crossed) {
			run.actor.send({type: 'READY', ready: crossed === 'success'});
			this.host.changed(this);
		}
		if (worker.kind === 'startup' && crossed === 'success') {
			worker.stop();
			run.probes = run.probes.filter(p => p !== worker);
			this.started(run);
		}
		if ((worker.kind === 'liveness' || worker.kind === 'startup') && crossed === 'failure') {
			const probe = worker.kind === 'liveness' ? run.spec.livenessProbe! : run.spec.startupProbe!;
			this.host.event(this, 'Normal', 'Killing', `Container ${run.spec.name} failed ${worker.kind} probe, will be restarted`);
			const grace = probe.terminationGracePeriodSeconds ?? this.pod.spec?.terminationGracePeriodSeconds ?? 30;
			this.stop(run, this.now + grace * 1000, false);
		}
	}

	private targetOf(run: ContainerRun) {
		const now = () => this.now;
		return {container: run.spec, process: run.process!, get fs() { return run.fs; }, get env() { return run.env; }, podIP: this.podIP, hostname: this.pod.metadata?.name ?? '', log: (t: string) => run.logs.write(t, now())};
	}

	/** Stop one container: preStop (on deletion), SIGTERM, SIGKILL at the deadline. */
	private stop(run: ContainerRun, deadline: number, preStop: boolean): void {
		if (!run.process?.running || run.stopping) return;
		run.stopping = true;
		for (const p of run.probes) p.stop();
		run.probes = [];
		stopContainer(run, deadline, preStop, this.host.timers, this.pod.metadata?.name ?? '');
	}

	private exited(run: ContainerRun, process: ContainerProcess, exitCode: number, reason: 'Completed' | 'Error' | 'OOMKilled', at: number): void {
		if (run.process !== process || this.disposed) return;
		for (const p of run.probes) p.stop();
		run.probes = [];
		if (run.killTimer !== undefined) this.host.timers.cancel(run.killTimer);
		run.killTimer = undefined;
		run.stopping = false;
		if (reason === 'OOMKilled') run.logs.write('stress: FAIL: [1] (415) <-- worker 7 got signal 9\n', this.now);
		run.actor.send({type: 'EXIT', exitCode, reason, at});
		this.host.changed(this);
		if (this.phase === 'terminating') return this.continueTermination();
		if (this.phase === 'stopped') return;
		const restart = run.role === 'sidecar' || this.restartPolicy === 'Always' || (this.restartPolicy === 'OnFailure' && exitCode !== 0);
		if (run.role === 'init' && exitCode === 0) return this.nextInit();
		if (!restart) {
			if (run.role === 'init') this.finishPod(); // Init:Error under restartPolicy Never: the pod has failed
			else if (this.runs.every(r => r.role !== 'regular' || this.state(r).value === 'terminated')) this.finishPod();
			return;
		}
		// The restart is the next sync's work: until then the status shows the exit (Completed, Error).
		run.timer = this.host.timers.after(relistMs, () => {
			run.timer = undefined;
			this.restart(run, at);
		});
	}

	private restart(run: ContainerRun, finished: number): void {
		if (this.phase === 'terminating' || this.phase === 'stopped') return;
		if (run.crash.inBackoffSince(finished, this.now)) {
			const pod = this.pod.metadata!;
			const who = `${pod.name}_${pod.namespace ?? 'default'}(${pod.uid})`;
			const delay = run.crash.get();
			run.actor.send({type: 'WAIT', reason: 'CrashLoopBackOff', message: `back-off ${delay / 1000 >= 60 ? `${Math.floor(delay / 60_000)}m${(delay % 60_000) / 1000}s` : `${delay / 1000}s`} restarting failed container=${run.spec.name} pod=${who}`});
			this.host.event(this, 'Warning', 'BackOff', `Back-off restarting failed container ${run.spec.name} in pod ${who}`);
			this.host.changed(this);
			run.timer = this.host.timers.after(Math.max(0, finished + delay - this.now), () => {
				run.timer = undefined;
				run.crash.next(this.now);
				this.enqueue(run);
			});
			return;
		}
		run.crash.next(this.now);
		this.enqueue(run);
	}

	/** Regular containers are done for good (restartPolicy Never/OnFailure): stop the sidecars, last first. */
	private finishPod(): void {
		this.phase = 'stopped';
		this.queue.length = 0;
		for (const run of this.runs) if (run.timer !== undefined) this.host.timers.cancel(run.timer);
		const sidecars = this.runs.filter(r => r.role === 'sidecar' && r.process?.running).reverse();
		for (const run of sidecars) {
			this.host.event(this, 'Normal', 'Killing', `Stopping container ${run.spec.name}`);
			this.stop(run, this.now + (this.pod.spec?.terminationGracePeriodSeconds ?? 30) * 1000, false);
		}
		this.host.changed(this);
	}

	/** Deletion: everything running gets preStop and SIGTERM, regular containers first, sidecars after. */
	terminate(graceSeconds: number): void {
		if (this.phase === 'terminating') return;
		this.phase = 'terminating';
		this.deadline = this.now + graceSeconds * 1000;
		if (this.mountTimer !== undefined) this.host.timers.cancel(this.mountTimer);
		this.queue.length = 0;
		for (const run of this.runs) {
			if (run.timer !== undefined) this.host.timers.cancel(run.timer);
			run.timer = undefined;
		}
		for (const run of this.runs) {
			if (run.role !== 'sidecar' && run.process?.running) {
				this.host.event(this, 'Normal', 'Killing', `Stopping container ${run.spec.name}`);
				this.stop(run, this.deadline, true);
			}
		}
		this.continueTermination();
	}

	private continueTermination(): void {
		if (this.runs.some(r => r.role !== 'sidecar' && r.process?.running)) return;
		const sidecar = [...this.runs].reverse().find(r => r.role === 'sidecar' && r.process?.running);
		if (sidecar) {
			if (!sidecar.stopping) {
				this.host.event(this, 'Normal', 'Killing', `Stopping container ${sidecar.spec.name}`);
				this.stop(sidecar, Math.max(this.deadline, this.now + 2000), true);
			}
			return;
		}
		this.phase = 'stopped';
		this.terminated = true;
		this.host.changed(this);
	}

	get timers(): Timers {
		return this.host.timers;
	}

	get hostname(): string {
		return this.pod.metadata?.name ?? '';
	}

	resolve(name: string): string | undefined {
		return this.host.resolve(name, this.pod.metadata?.namespace ?? 'default');
	}

	/** The kubelet notices an exit at its next relist (PLEG, every second), not the instant it happens. */
	processExited(run: ContainerRun, process: ContainerProcess, code: number, reason: ExitReason): void {
		const at = this.now;
		this.host.timers.after(relistMs, () => this.exited(run, process, code, reason, at));
	}

	filesystemFor(container: Container): FileSystem {
		const fs = new FileSystem();
		for (const m of container.volumeMounts ?? []) {
			let volume = this.built.get(m.name);
			if (!volume) {
				const make = this.volumes.get(m.name);
				if (!make) continue;
				volume = make();
				this.built.set(m.name, volume);
			}
			fs.mount(m.mountPath, volume, m.readOnly ?? false);
		}
		return fs;
	}

	envFor(container: Container): Array<[string, string]> | string {
		return containerEnv(this.pod, container, this.host.objects, this.podIP, this.host.hostIP);
	}

	/** Deletion finished: every container has stopped. */
	terminated = false;

	/** Stop every timer (the kubelet drops the pod). */
	private disposed = false;

	dispose(): void {
		this.disposed = true;
		if (this.mountTimer !== undefined) this.host.timers.cancel(this.mountTimer);
		for (const run of this.runs) {
			if (run.timer !== undefined) this.host.timers.cancel(run.timer);
			if (run.killTimer !== undefined) this.host.timers.cancel(run.killTimer);
			for (const p of run.probes) p.stop();
			run.process?.dispose();
			run.actor.stop();
		}
	}
}
