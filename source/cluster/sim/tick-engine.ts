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
		this.clock.advance();
		this.beforeTick();
		this.informers.syncAll();
		for (const component of this.components()) component.runOnce();
	}
}
