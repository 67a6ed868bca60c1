// What the tick engine needs of the rest of the cluster, declared here so sim/ depends on nothing above it.

/** Informers: apply the watch events buffered since the last tick. */
export interface InformerSync {
	syncAll(): number;
}

/** A component the engine runs once per tick, in a fixed order. */
export interface Reconciler {
	runOnce(): void;
}
