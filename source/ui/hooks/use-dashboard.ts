// The dashboard's state container: UI state, the flash line, and carrying out the effects keys ask for. Every
// cluster call is wrapped: a failing action becomes an error in the flash line, never a crash.
import {useCallback, useEffect, useMemo, useRef, useState, useSyncExternalStore} from 'react';
import type {DashboardCluster} from '../snapshot/snapshot.js';
import type {KeyPress} from '../state/keys.js';
import {handleKey} from '../state/reducer.js';
import {initialState, speedOf, type Effect, type UiState, type ViewInfo} from '../state/types.js';
import {useFlash, type Flash} from './use-flash.js';
import {usePlayer} from './use-player.js';
import {TickRunner, type TickRunnerOptions} from './tick-runner.js';

export interface Dashboard {
	/** The state as the keys left it (cursors not yet moved to follow their rows: see `sync`). */
	stored: UiState;
	flash: Flash | undefined;
	/** Handle one key press; `view` is what the screen shows now (rows per pane, visible rows). */
	dispatch(key: KeyPress, view: ViewInfo): void;
	/** The state as shown (cursors on their rows after the cluster changed): the next key starts from it. */
	sync(state: UiState): void;
	/** The tick runner: whether a tick is running, the achieved tick rate. */
	ticks: TickProgress;
}

export interface TickProgress {
	/** A tick is running or queued (the header says so). */
	busy: boolean;
	/** The player asks for ticks faster than they complete. */
	behind: boolean;
	/** Ticks per wall second achieved lately, when known. */
	rate: number | undefined;
}

export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** A command's output in the flash line: kubectl prints a line per object (`namespace/shop created`, ...). */
export function resultText(message: string, command: string): string {
	const lines = message.split('\n').map(l => l.trim()).filter(Boolean);
	return lines.length ? lines.join(' · ') : `${command.split(/\s+/)[0]}: done`;
}

export function useDashboard(cluster: DashboardCluster, quit: () => void, start: Partial<UiState> = {}, runnerOptions: Omit<TickRunnerOptions, 'onError'> = {}): Dashboard {
	const [stored, setStored] = useState<UiState>(() => ({...initialState(), ...start}));
	const [flash, showFlash, clearFlash] = useFlash();

	// Keys can arrive faster than renders: the reducer always starts from the newest state.
	const latest = useRef(stored);
	const sync = useCallback((state: UiState) => {
		latest.current = state;
	}, []);

	// Drains started here go on tick by tick: their newest line is the flash after each step until they end.
	const following = useRef(new Set<number>());
	const reportOperations = useCallback((): boolean => {
		if (following.current.size === 0) return false;
		let shown = false;
		for (const op of cluster.operations()) {
			if (!following.current.has(op.id)) continue;
			const last = op.lines[op.lines.length - 1];
			if (last) {
				showFlash(op.phase === 'failed' ? 'error' : 'info', op.phase === 'running' ? `${last} (drain ${op.node}: ${op.pending} pod(s) to go)` : last);
				shown = true;
			}
			if (op.phase !== 'running') following.current.delete(op.id);
		}
		return shown;
	}, [cluster, showFlash]);

	// After each tick: the drains' newest line, else a warning or error about an earlier action no longer describes
	// what is on screen.
	const afterTick = useRef(() => {});
	afterTick.current = () => {
		if (!reportOperations()) clearFlash(level => level !== 'info');
	};

	// One runner per cluster: ticks run sliced, between keys; commands wait for a running tick to end.
	const runner = useMemo(() => new TickRunner(cluster, () => latest.current.playing, {
		...runnerOptions,
		onTick: () => afterTick.current(),
		onError: error => {
			latest.current = {...latest.current, playing: false};
			setStored(latest.current);
			showFlash('error', `step failed: ${errorMessage(error)}`);
		},
	}), [cluster]); // the options are read once
	useEffect(() => () => runner.dispose(), [runner]);
	const progress = useMemo(() => {
		let cached: {revision: number; value: TickProgress} | undefined;
		return () => {
			if (cached?.revision !== runner.revision) cached = {revision: runner.revision, value: {busy: runner.busy, behind: runner.behind, rate: runner.rate()}};
			return cached.value;
		};
	}, [runner]);
	const ticks = useSyncExternalStore(useCallback(listener => runner.subscribe(listener), [runner]), progress);

	const step = useCallback((count: number) => runner.step(count), [runner]);

	const perform = useCallback((effect: Effect) => {
		switch (effect.type) {
			case 'step':
				step(1);
				return;
			case 'run':
				runner.command(() => {
					try {
						const result = cluster.run(effect.command);
						if (result.operation !== undefined) following.current.add(result.operation);
						showFlash('info', resultText(result.message, effect.command));
					} catch (error) {
						showFlash('error', errorMessage(error));
					}
				});
				return;
			case 'flash':
				showFlash(effect.level, effect.text);
				return;
			case 'quit':
				quit();
				return;
		}
	}, [cluster, quit, runner, showFlash, step]);

	const dispatch = useCallback((key: KeyPress, view: ViewInfo) => {
		let transition;
		try {
			transition = handleKey(latest.current, key, view);
		} catch (error) {
			showFlash('error', `key ${key.name}: ${errorMessage(error)}`);
			return;
		}
		latest.current = transition.state;
		setStored(transition.state);
		for (const effect of transition.effects) perform(effect);
	}, [perform, showFlash]);

	usePlayer(stored.playing, speedOf(stored), runner, () => latest.current.playing);
	return {stored, flash, dispatch, sync, ticks};
}
