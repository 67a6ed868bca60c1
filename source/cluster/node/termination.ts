// Stopping one container as the kubelet does (kuberuntime killContainer): run the preStop hook (exec or
// sleep) within the grace period, then SIGTERM, then SIGKILL when the grace period ends. A hook still
// running at the end of the grace period gets a one-off extension of 2 s before the SIGTERM.
import {ContainerProcess, type Timers} from './container-process.js';
import {programFor} from './images.js';
import type {ContainerRun} from './pod-worker.js';

const hookExtensionMs = 2000;

export function stopContainer(run: ContainerRun, deadline: number, preStop: boolean, timers: Timers, hostname: string): void {
	const process = run.process!;
	const sigterm = (killAt: number) => {
		process.term();
		if (!process.running) return;
		run.killTimer = timers.after(Math.max(0, killAt - timers.now()), () => {
			run.killTimer = undefined;
			process.kill();
		});
	};
	const hook = preStop ? run.spec.lifecycle?.preStop : undefined;
	if (!hook || (!hook.exec && !hook.sleep)) return sigterm(deadline);
	let done = false;
	const afterHook = () => {
		if (done) return;
		done = true;
		if (run.killTimer !== undefined) timers.cancel(run.killTimer);
		run.killTimer = undefined;
		sigterm(Math.max(deadline, timers.now() + (timers.now() >= deadline ? hookExtensionMs : 0)));
	};
	// The grace period ends while the hook runs: SIGTERM, with 2 s more before SIGKILL.
	run.killTimer = timers.after(Math.max(0, deadline - timers.now()), () => {
		run.killTimer = undefined;
		hookProcess?.dispose();
		if (!done) {
			done = true;
			sigterm(timers.now() + hookExtensionMs);
		}
	});
	let hookProcess: ContainerProcess | undefined;
	if (hook.sleep) {
		const id = timers.after(hook.sleep.seconds * 1000, afterHook);
		hookProcess = {dispose: () => timers.cancel(id)} as ContainerProcess;
		return;
	}
	const program = programFor({name: run.spec.name, image: run.spec.image ?? '', command: hook.exec!.command ?? []});
	if (program.kind !== 'shell') return afterHook(); // `nginx -s quit` and the like: done at once
	hookProcess = new ContainerProcess(program, {
		timers, fs: run.fs, env: run.env, hostname, log: () => {}, resolve: () => undefined,
		onExit: () => afterHook(),
	});
	hookProcess.start();
}
