// The container runtime's image store on one node: which images are present, and pulls done one at a
// time (the kubelet's default serializeImagePulls), so a pod may wait behind another pod's pull.
import type {Random} from '../sim/random.js';
import {imageSize} from './images.js';

/** Simulated registry bandwidth: bytes per second. */
const bandwidth = 30_000_000;

export {imageSize};

export interface PullPlan {
	/** ms from now until the image is present. */
	pullMs: number;
	/** ms of that spent queued behind earlier pulls. */
	waitMs: number;
	size: number;
}

export class ContainerRuntime {
	private readonly present = new Set<string>();
	/** Image -> epoch ms its pull completes. */
	private readonly pulling = new Map<string, number>();
	private queueFreeAt = 0;

	constructor(private readonly random: Random, private readonly now: () => number) {}

	/** Plan a pull at `at` (epoch ms; default now). Policy IfNotPresent with the image there: no pull. */
	pull(image: string, policy: string | undefined, at = this.now()): PullPlan {
		this.settle(at);
		const size = imageSize(image);
		if (this.present.has(image) && policy !== 'Always') return {pullMs: 0, waitMs: 0, size};
		const inFlight = this.pulling.get(image);
		if (inFlight !== undefined) return {pullMs: inFlight - at, waitMs: inFlight - at, size};
		// Layers already on the node make a re-pull quick.
		const transferMs = this.present.has(image) ? 200 + this.random.int(0, 300) : Math.round((size / bandwidth) * 1000) + this.random.int(0, 500);
		const start = Math.max(at, this.queueFreeAt);
		const done = start + transferMs;
		this.queueFreeAt = done;
		this.pulling.set(image, done);
		return {pullMs: done - at, waitMs: start - at, size};
	}

	private settle(at: number): void {
		for (const [image, done] of this.pulling) {
			if (done <= at) {
				this.pulling.delete(image);
				this.present.add(image);
			}
		}
	}

	/** Is the image on the node now (pulled, not merely being pulled)? */
	isPresent(image: string): boolean {
		this.settle(this.now());
		return this.present.has(image);
	}

	images(): string[] {
		this.settle(this.now());
		return [...this.present].sort();
	}
}
