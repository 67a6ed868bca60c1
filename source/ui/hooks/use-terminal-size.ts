// The terminal's size, following stdout 'resize' events.
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';
import type {Size} from '../layout/screen.js';

const fallback: Size = {columns: 80, rows: 24};

function read(stdout: NodeJS.WriteStream): Size {
	return {columns: stdout.columns || fallback.columns, rows: stdout.rows || fallback.rows};
}

export function useTerminalSize(): Size {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => read(stdout));
	useEffect(() => {
		const onResize = () => {
			setSize(previous => {
				const next = read(stdout);
				return next.columns === previous.columns && next.rows === previous.rows ? previous : next;
			});
		};
		onResize();
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout]);
	return size;
}
