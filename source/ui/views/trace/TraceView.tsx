// The trace view: which component did what in one tick, and why, drawn by the windowed ResourceTable; under it
// the cursor line's reason and the keys (earlier/later tick, jump to the object).
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {TickTrace} from '../../../cluster/index.js';
import {ResourceTable} from '../../components/ResourceTable.js';
import {truncate} from '../../text.js';
import type {InspectViewProps} from '../table.js';
import {wrapLines} from '../wrap.js';
import {traceDetail, traceHints, traceTable} from './rows.js';

export interface TraceViewProps extends InspectViewProps {
	trace: TickTrace;
}

/** Lines under the table: the cursor line in full (two lines when the screen has room), then the keys. */
export function traceFooter(height: number): {detail: number; hints: number} {
	if (height >= 10) return {detail: 2, hints: 1};
	if (height >= 6) return {detail: 1, hints: 1};
	return {detail: height >= 5 ? 1 : 0, hints: 0};
}

export function TraceView({trace, table: shown, filter, width, height, cursor, theme}: TraceViewProps) {
	const full = useMemo(() => (shown ? undefined : traceTable(trace)), [trace, shown]);
	const table = shown ?? full!;
	const footer = traceFooter(height);
	const detail = wrapLines(traceDetail(trace, table.rows[cursor]?.key), width, footer.detail);
	const tableHeight = height - detail.length - footer.hints;
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0}>
			<ResourceTable table={table} scope={`tick ${trace.tick}`} cursor={cursor} width={width} height={tableHeight} focused theme={theme} filter={filter} />
			{detail.map((line, i) => <Text key={i} wrap="truncate">{line}</Text>)}
			{footer.hints > 0 && <Text wrap="truncate" color={theme.keyHint}>{truncate(traceHints(trace), width)}</Text>}
		</Box>
	);
}
