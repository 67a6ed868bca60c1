// The dashboard's state container: UI state, the flash line, and carrying out the effects keys ask for. Every
// cluster call is wrapped: a failing action becomes an error in the flash line, never a crash.
import {useCallback, useMemo, useRef, useState} from 'react';
import type {DashboardCluster, Snapshot} from '../snapshot/snapshot.js';
import type {KeyPress} from '../state/keys.js';
import {followSelection} from '../state/navigation.js';
import {handleKey} from '../state/reducer.js';
import {initialState, speedOf, type Effect, type UiState, type ViewInfo} from '../state/types.js';
import {useFlash, type Flash} from './use-flash.js';
import {usePlayer} from './use-player.js';

export interface Dashboard {
	state: UiState;
	flash: Flash | undefined;
	/** Handle one key press; `view` is what the screen shows now (rows per pane, visible rows). */
	dispatch(key: KeyPress, view: ViewInfo): void;
}

export function errorMessage(error: unknown): string {
	return error instanceof Error ? error.message : String(error);
}

export function useDashboard(cluster: DashboardCluster, snapshot: Snapshot, quit: () => void, start: Partial<UiState> = {}): Dashboard {
	const [stored, setStored] = useState<UiState>(() => ({...initialState(), ...start}));
	const [flash, showFlash] = useFlash();

	// Cursors follow their rows' keys through every cluster change, computed once per change.
	const state = useMemo(() => {
		const index = {
			deployments: snapshot.tables.deployments.index,
			nodes: snapshot.tables.nodes.index,
			pods: snapshot.tables.pods.index,
			events: snapshot.tables.events.index,
		};
		return followSelection(stored, {tables: snapshot.tables, page: {deployments: 1, nodes: 1, pods: 1, events: 1}}, index);
	}, [stored, snapshot]);

	// Keys can arrive faster than renders: the reducer always starts from the newest state.
	const latest = useRef(state);
	latest.current = state;

	const step = useCallback((ticks: number) => {
		try {
			cluster.step(ticks);
		} catch (error) {
			latest.current = {...latest.current, playing: false};
			setStored(latest.current);
			showFlash('error', `step failed: ${errorMessage(error)}`);
		}
	}, [cluster, showFlash]);

	const perform = useCallback((effect: Effect) => {
		switch (effect.type) {
			case 'step':
				step(1);
				return;
			case 'run':
				try {
					const result = cluster.run(effect.command);
					showFlash('info', result.message || effect.command);
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

	usePlayer(state.playing, speedOf(state), step, () => latest.current.playing);
	return {state, flash, dispatch};
}
