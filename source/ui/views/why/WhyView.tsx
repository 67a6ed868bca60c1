// The why view: the scheduler's last cycle for one pod as a grid (ResourceTable), the cursor node in full under it,
// and for a waiting pod its whole FailedScheduling message, wrapped. What does not fit is cut, message last.
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {WhyReport} from '../../../cluster/index.js';
import {ResourceTable, tableChrome} from '../../components/ResourceTable.js';
import {truncate} from '../../text.js';
import type {InspectViewProps} from '../table.js';
import {wrapLines} from '../wrap.js';
import {whyDetail, whySummary, whyTable} from './rows.js';

export interface WhyViewProps extends InspectViewProps {
	report: WhyReport;
}

export interface WhyLayout {
	tableHeight: number;
	summary: string[];
	detail: string[];
	message: string[];
}

/** Heights: the grid keeps at least one row; the message comes whole when it fits, then the cursor detail, then the summary. */
export function layoutWhy(report: WhyReport, width: number, height: number, node: string | undefined): WhyLayout {
	const rows = report.rows.length;
	const minTable = Math.min(height, tableChrome + 1);
	let room = Math.max(0, height - minTable);
	const take = (text: string | undefined, max: number) => {
		if (!text) return [];
		const lines = wrapLines(text, width, Math.min(max, room));
		room -= lines.length;
		return lines;
	};
	const message = take(report.message ? `FailedScheduling: ${report.message}` : undefined, Infinity);
	const detail = rows > 0 ? take(whyDetail(report, node), 2) : [];
	const summary = take(whySummary(report), rows > 0 ? 2 : 3);
	// The grid fills what is left, so the lines under it stay put as the cursor moves.
	return {tableHeight: Math.max(0, height - message.length - detail.length - summary.length), summary, detail, message};
}

export function WhyView({report, table: shown, filter, width, height, cursor, theme}: WhyViewProps) {
	const full = useMemo(() => (shown ? undefined : whyTable(report)), [report, shown]);
	const table = shown ?? full!;
	const layout = layoutWhy(report, width, height, table.rows[cursor]?.key);
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0}>
			<ResourceTable table={table} scope={`${report.namespace}/${report.name}`} cursor={cursor} width={width} height={layout.tableHeight} focused theme={theme} filter={filter} />
			{layout.detail.map((line, i) => <Text key={`d${i}`} wrap="truncate">{line}</Text>)}
			{layout.summary.map((line, i) => <Text key={`s${i}`} wrap="truncate" color={theme.keyHint}>{line}</Text>)}
			{layout.message.map((line, i) => <Text key={`m${i}`} wrap="truncate" color={theme.tone.error}>{line}</Text>)}
		</Box>
	);
}
