// Image pulls that fail, declared by the only annotation a manifest needs for it:
// sim.kubetui.dev/image-pull-fails: "c1,c2". The kubelet's image puller then reports ErrImagePull and,
// while its back-off (10 s doubling to 300 s) runs, ImagePullBackOff, with upstream's events.
import type {Pod} from '../objects/types.js';
import type {ContainerRuntime} from './container-runtime.js';
import type {ContainerRun, PodWorker, WorkerHost} from './pod-worker.js';

export const pullFailsAnnotation = 'sim.kubetui.dev/image-pull-fails';

/** How long a failing pull takes to be refused (resolving the reference at the registry). */
const refusalMs = 1000;

export function pullFails(pod: Pod, container: string): boolean {
	const value = pod.metadata?.annotations?.[pullFailsAnnotation];
	return value !== undefined && value.split(',').map(s => s.trim()).includes(container);
}

export function startPull(_runtime: ContainerRuntime, _image: string): number {
	return refusalMs;
}

/** containerd's normalised reference: docker.io/library/nginx:latest. */
export function fullReference(image: string): string {
	const [first, ...rest] = image.split('/');
	const hasRegistry = rest.length > 0 && (first!.includes('.') || first!.includes(':') || first === 'localhost');
	let ref = hasRegistry ? image : `docker.io/${rest.length ? image : `library/${image}`}`;
	if (!/[:@][^/]*$/.test(ref.slice(ref.lastIndexOf('/')))) ref += ':latest';
	return ref;
}

export function pullFailure(run: ContainerRun, image: string, now: number, host: WorkerHost, worker: PodWorker, retry: () => void): void {
	const ref = fullReference(image);
	const reason = `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
	host.event(worker, 'Warning', 'Failed', `Failed to pull image "${image}": ${reason}`);
	host.event(worker, 'Warning', 'Failed', 'Error: ErrImagePull');
	run.actor.send({type: 'WAIT', reason: 'ErrImagePull', message: reason});
	run.pull.next(now);
	const delay = run.pull.get();
	host.changed(worker);
	// The next sync, a moment later, finds the image in back-off.
	run.timer = host.timers.after(1000, () => {
		run.actor.send({type: 'WAIT', reason: 'ImagePullBackOff', message: `Back-off pulling image "${image}"`});
		host.event(worker, 'Normal', 'BackOff', `Back-off pulling image "${image}"`);
		host.event(worker, 'Warning', 'Failed', 'Error: ImagePullBackOff');
		host.changed(worker);
		run.timer = host.timers.after(delay - 1000, () => {
			run.timer = undefined;
			retry();
		});
	});
}
