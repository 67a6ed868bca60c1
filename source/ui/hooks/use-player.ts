// Playing the clock: a wall-clock interval that asks for `speed` ticks per second. The cluster itself never reads
// the wall clock; only the UI does, here. The ticks run in the tick runner, sliced, so keys are read between them;
// when ticks take longer than the interval the player queues no more than one interval's worth ahead (the header
// then shows the rate achieved) instead of a backlog that would run on after a pause.
import {useEffect, useRef} from 'react';
import type {TickRunner} from './tick-runner.js';

/** Shortest interval between steps; faster speeds step several ticks at a time. */
const minimumIntervalMs = 125;

export function playSchedule(speed: number): {intervalMs: number; ticksPerInterval: number} {
	const intervalMs = Math.max(minimumIntervalMs, 1000 / speed);
	return {intervalMs, ticksPerInterval: (speed * intervalMs) / 1000};
}

/** How many of `owed` ticks to queue now: never more than one interval's worth waiting. */
export function ticksToQueue(owed: number, queued: number, ticksPerInterval: number): number {
	return Math.max(0, Math.min(owed, Math.ceil(ticksPerInterval) - queued));
}

/** `stillPlaying` reads the newest state: a pause key takes effect at once, before React has re-rendered and
 * cleared the interval (the runner also asks it before each of the player's ticks). */
export function usePlayer(playing: boolean, speed: number, runner: TickRunner, stillPlaying: () => boolean = () => true): void {
	const stillPlayingRef = useRef(stillPlaying);
	stillPlayingRef.current = stillPlaying;
	useEffect(() => {
		if (!playing) return;
		const {intervalMs, ticksPerInterval} = playSchedule(speed);
		let owed = 0;
		runner.measureFrom();
		const timer = setInterval(() => {
			if (!stillPlayingRef.current()) return;
			owed += ticksPerInterval;
			const whole = Math.floor(owed + 1e-9);
			if (whole <= 0) return;
			owed -= whole;
			const ticks = ticksToQueue(whole, runner.queuedPlayerTicks, ticksPerInterval);
			runner.setBehind(ticks < whole);
			if (ticks > 0) runner.step(ticks, true);
		}, intervalMs);
		return () => clearInterval(timer);
	}, [playing, speed, runner]);
}
