// client-go's flowcontrol.Backoff as the kubelet uses it for crash loops and image pulls: 10 s,
// doubling to 300 s; an entry untouched for twice the cap (10 minutes) starts again at 10 s.
export const initialBackoffMs = 10_000;
export const maxBackoffMs = 300_000;

export class Backoff {
	private entry?: {backoffMs: number; lastUpdate: number};

	/** Is `eventTime` (e.g. the container's finish) still within the back-off window at `now`? */
	inBackoffSince(eventTime: number, now: number): boolean {
		if (!this.entry || this.expired(eventTime)) return false;
		return now - eventTime < this.entry.backoffMs;
	}

	/** The current delay, ms. */
	get(): number {
		return this.entry?.backoffMs ?? 0;
	}

	/** Move to the next delay (called when a restart goes ahead). */
	next(now: number): void {
		if (!this.entry || this.expired(now)) this.entry = {backoffMs: initialBackoffMs, lastUpdate: now};
		else this.entry = {backoffMs: Math.min(this.entry.backoffMs * 2, maxBackoffMs), lastUpdate: now};
	}

	private expired(at: number): boolean {
		return at - this.entry!.lastUpdate > 2 * maxBackoffMs;
	}
}
