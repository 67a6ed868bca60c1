// The tick contract (DESIGN.md): a tick advances the one clock, delivers every watch event written up to
// the end of the previous tick, then runs each component's loop once, in a fixed order. Writes made during
// a tick reach watchers at the next one: one hop per tick.
import type {Clock} from './clock.js';
import type {InformerSync, Reconciler} from './interfaces.js';

export class TickEngine {
	constructor(
		private readonly clock: Clock,
		private readonly informers: InformerSync,
		private readonly components: () => readonly Reconciler[],
		/** Start or stop node agents for nodes added or removed before this tick. */
		private readonly beforeTick: () => void = () => {},
	) {}

	tick(): void {
		for (const _phase of this.phases());
	}

	/**
	 * The same tick, one phase per step of the iterator (node agents, informer sync, then each component), so a
	 * caller can give the event loop a turn between phases (the dashboard, to read keys during a long tick). The
	 * work and its order are exactly those of tick(); nothing else may write the cluster until the iterator ends.
	 */
	*phases(): Generator<void, void, void> {
		this.clock.advance();
		this.beforeTick();
		yield;
		this.informers.syncAll();
		for (const component of this.components()) {
			yield;
			component.runOnce();
		}
	}
}
