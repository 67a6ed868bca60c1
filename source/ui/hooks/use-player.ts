// Playing the clock: a wall-clock interval that steps the cluster `speed` ticks per second. The cluster itself
// never reads the wall clock; only the UI does, here.
import {useEffect, useRef} from 'react';

/** Shortest interval between steps; faster speeds step several ticks at a time. */
const minimumIntervalMs = 125;

export function playSchedule(speed: number): {intervalMs: number; ticksPerInterval: number} {
	const intervalMs = Math.max(minimumIntervalMs, 1000 / speed);
	return {intervalMs, ticksPerInterval: (speed * intervalMs) / 1000};
}

/** `stillPlaying` reads the newest state: a pause key takes effect at once, before React has re-rendered and
 * cleared the interval. */
export function usePlayer(playing: boolean, speed: number, step: (ticks: number) => void, stillPlaying: () => boolean = () => true): void {
	const stepRef = useRef(step);
	stepRef.current = step;
	const stillPlayingRef = useRef(stillPlaying);
	stillPlayingRef.current = stillPlaying;
	useEffect(() => {
		if (!playing) return;
		const {intervalMs, ticksPerInterval} = playSchedule(speed);
		let owed = 0;
		const timer = setInterval(() => {
			if (!stillPlayingRef.current()) return;
			owed += ticksPerInterval;
			const ticks = Math.floor(owed + 1e-9);
			if (ticks <= 0) return;
			owed -= ticks;
			stepRef.current(ticks);
		}, intervalMs);
		return () => clearInterval(timer);
	}, [playing, speed]);
}
