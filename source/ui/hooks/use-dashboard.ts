// The dashboard's state container: UI state, the flash line, and carrying out the effects keys ask for. Every
// cluster call is wrapped: a failing action becomes an error in the flash line, never a crash.
import {useCallback, useRef, useState} from 'react';
import type {DashboardCluster} from '../snapshot/snapshot.js';
import type {KeyPress} from '../state/keys.js';
import {handleKey} from '../state/reducer.js';
import {initialState, speedOf, type Effect, type UiState, type ViewInfo} from '../state/types.js';
import {useFlash, type Flash} from './use-flash.js';
import {usePlayer} from './use-player.js';

export interface Dashboard {
	/** The state as the keys left it (cursors not yet moved to follow their rows: see `sync`). */
	stored: UiState;
	flash: Flash | undefined;
	/** Handle one key press; `view` is what the screen shows now (rows per pane, visible rows). */
	dispatch(key: KeyPress, view: ViewInfo): void;
	/** The state as shown (cursors on their rows after the cluster changed): the next key starts from it. */
	sync(state: UiState): void;
}

export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

/** A command's output in the flash line: kubectl prints a line per object (`namespace/shop created`, ...). */
export function resultText(message: string, command: string): string {
	const lines = message.split('\n').map(l => l.trim()).filter(Boolean);
	return lines.length ? lines.join(' · ') : `${command.split(/\s+/)[0]}: done`;
}

export function useDashboard(cluster: DashboardCluster, quit: () => void, start: Partial<UiState> = {}): Dashboard {
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

	const step = useCallback((ticks: number) => {
		try {
			cluster.step(ticks);
			// A warning or error about an earlier action no longer describes what is on screen.
			if (!reportOperations()) clearFlash(level => level !== 'info');
		} catch (error) {
			latest.current = {...latest.current, playing: false};
			setStored(latest.current);
			showFlash('error', `step failed: ${errorMessage(error)}`);
		}
	}, [cluster, showFlash, clearFlash, reportOperations]);

	const perform = useCallback((effect: Effect) => {
		switch (effect.type) {
			case 'step':
				step(1);
				return;
			case 'run':
				try {
					const result = cluster.run(effect.command);
					if (result.operation !== undefined) following.current.add(result.operation);
					showFlash('info', resultText(result.message, effect.command));
				} catch (error) {
					showFlash('error', errorMessage(error));
				}
				return;
			case 'flash':
				showFlash(effect.level, effect.text);
				return;
			case 'quit':
				quit();
				return;
		}
	}, [cluster, quit, showFlash, step]);

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

	usePlayer(stored.playing, speedOf(stored), step, () => latest.current.playing);
	return {stored, flash, dispatch, sync};
}
