// The cluster's one clock. xstate's SimulatedClock drives every machine's delayed transitions;
// object timestamps read the same clock, offset from a fixed epoch so runs are reproducible.
import {SimulatedClock} from 'xstate';

/** 2026-01-01T00:00:00Z: simulated time starts here. */
export const EPOCH_MS = Date.UTC(2026, 0, 1);

export class Clock {
	/** Give this to createActor(machine, {clock}) so delays run on simulated time. */
	readonly simulated = new SimulatedClock();
	/** Number of ticks completed. */
	tick = 0;

	constructor(readonly tickSeconds = 1) {}

	/** Simulated time in epoch milliseconds. */
	now(): number {
		return EPOCH_MS + this.simulated.now();
	}

	private cachedSecond = NaN;
	private cachedTimestamp = '';

	/** RFC 3339 with second precision, as metav1.Time marshals. */
	timestamp(ms = this.now()): string {
		const second = Math.floor(ms / 1000);
		if (second !== this.cachedSecond) {
			this.cachedSecond = second;
			this.cachedTimestamp = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
		}
		return this.cachedTimestamp;
	}

	/** RFC 3339 with microseconds, as metav1.MicroTime marshals. */
	microTimestamp(ms = this.now()): string {
		return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
	}

	private lastNanosMs = -1;
	private nanosSequence = 0;

	/** Unix nanoseconds, unique across the cluster: events are named `<object>.<nanos in hex>`. */
	uniqueNanos(): bigint {
		const ms = this.now();
		if (ms !== this.lastNanosMs) {
			this.lastNanosMs = ms;
			this.nanosSequence = 0;
		}
		// A tick of 1.0005 s puts time between milliseconds: whole nanoseconds, as Go's clock has.
		return BigInt(Math.round(ms * 1_000_000)) + BigInt(this.nanosSequence++);
	}

	/** Advance one tick, firing due timers in deadline order. */
	advance(): void {
		this.tick++;
		this.simulated.increment(this.tickSeconds * 1000);
	}
}
