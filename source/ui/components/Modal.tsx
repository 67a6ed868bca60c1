// A bordered box drawn over the panes, centred in the area it is given. Every inner line is padded to the box's
// width so nothing of the table underneath shows through.
import {Box, Text} from 'ink';
import {textWidth, truncate} from '../text.js';
import type {Theme} from '../theme.js';

export interface ModalSegment {
	text: string;
	bold?: boolean;
	color?: string;
	inverse?: boolean;
	backgroundColor?: string;
}

export type ModalLine = ModalSegment[];

export interface ModalProps {
	title: string;
	lines: ModalLine[];
	/** The area (width x height) the modal is centred in. */
	areaWidth: number;
	areaHeight: number;
	theme: Theme;
	width?: number;
}

function padLine(line: ModalLine, width: number): ModalLine {
	const out: ModalLine = [];
	let left = width;
	for (const segment of line) {
		const text = truncate(segment.text, left);
		out.push({...segment, text});
		left -= textWidth(text);
	}
	if (left > 0) out.push({text: ' '.repeat(left)});
	return out;
}

export function Modal({title, lines, areaWidth, areaHeight, theme, width: wanted}: ModalProps) {
	const natural = Math.max(textWidth(title) + 4, ...lines.map(l => l.reduce((sum, s) => sum + textWidth(s.text), 0))) + 4;
	const width = Math.max(10, Math.min(areaWidth, wanted ?? natural));
	const inner = width - 4;
	// Keep the whole box inside the area: cut lines when the area is short.
	const shown = lines.slice(0, Math.max(0, areaHeight - 3));
	const height = shown.length + 3;
	const top = Math.max(0, Math.floor((areaHeight - height) / 2));
	const left = Math.max(0, Math.floor((areaWidth - width) / 2));
	const border = theme.border.focused;
	const titleText = truncate(title, Math.max(0, width - 4));
	const rule = '─'.repeat(Math.max(0, width - 3 - textWidth(titleText)));
	return (
		<Box position="absolute" marginTop={top} marginLeft={left} flexDirection="column" width={width}>
			<Text><Text color={border}>┌─</Text><Text bold color={theme.title}>{titleText}</Text><Text color={border}>{rule}┐</Text></Text>
			{[[], ...shown].map((line, i) => (
				<Text key={i}>
					<Text color={border}>│ </Text>
					{padLine(line, inner).map((s, j) => (
						<Text key={j} bold={s.bold} color={s.color} inverse={s.inverse} backgroundColor={s.backgroundColor}>{s.text}</Text>
					))}
					<Text color={border}> │</Text>
				</Text>
			))}
			<Text color={border}>└{'─'.repeat(width - 2)}┘</Text>
		</Box>
	);
}
