// The terminal's size, following stdout 'resize' events.
import {useStdout} from 'ink';
import {useEffect, useState} from 'react';
import type {Size} from '../layout/screen.js';

const fallback: Size = {columns: 80, rows: 24};

function read(stdout: NodeJS.WriteStream, spareRows: number): Size {
	return {columns: stdout.columns || fallback.columns, rows: Math.max(1, (stdout.rows || fallback.rows) - spareRows)};
}

/** `spareRows` are left unused at the bottom (see runDashboard: a frame that fills the terminal is redrawn whole). */
export function useTerminalSize(spareRows = 0): Size {
	const {stdout} = useStdout();
	const [size, setSize] = useState(() => read(stdout, spareRows));
	useEffect(() => {
		const onResize = () => {
			setSize(previous => {
				const next = read(stdout, spareRows);
				return next.columns === previous.columns && next.rows === previous.rows ? previous : next;
			});
		};
		onResize();
		stdout.on('resize', onResize);
		return () => {
			stdout.off('resize', onResize);
		};
	}, [stdout, spareRows]);
	return size;
}
