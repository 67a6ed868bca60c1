// The flash line's message: the result of the last action, cleared after a few seconds of wall time.
import {useCallback, useEffect, useRef, useState} from 'react';
import type {FlashLevel} from '../state/types.js';

export interface Flash {
	level: FlashLevel;
	text: string;
}

export const flashSeconds = 5;

export function useFlash(seconds = flashSeconds): [Flash | undefined, (level: FlashLevel, text: string) => void, (which?: (level: FlashLevel) => boolean) => void] {
	const [flash, setFlash] = useState<Flash | undefined>();
	const timer = useRef<NodeJS.Timeout | undefined>(undefined);
	const show = useCallback((level: FlashLevel, text: string) => {
		clearTimeout(timer.current);
		setFlash({level, text});
		timer.current = setTimeout(() => setFlash(undefined), seconds * 1000);
		timer.current.unref?.();
	}, [seconds]);
	const clear = useCallback((which: (level: FlashLevel) => boolean = () => true) => {
		setFlash(current => (current && which(current.level) ? undefined : current));
	}, []);
	useEffect(() => () => clearTimeout(timer.current), []);
	return [flash, show, clear];
}
