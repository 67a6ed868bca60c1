// The header: cluster facts and key hints (full), or one line (compact).
import {Box, Text} from 'ink';
import {compactHeader, fullHeader, twoLineHeader, type HeaderFacts, type HeaderLine, type Segment} from '../layout/header.js';
import type {Binding} from '../state/keymap.js';
import type {Theme} from '../theme.js';

export interface HeaderProps {
	facts: HeaderFacts;
	hints: readonly Binding[];
	width: number;
	mode: 'full' | 'two' | 'compact';
	theme: Theme;
}

function colorOf(role: Segment['role'], theme: Theme): string | undefined {
	switch (role) {
		case 'label': return theme.title;
		case 'value': return theme.header;
		case 'key': return theme.keyHint;
		default: return undefined;
	}
}

function Line({line, theme}: {line: HeaderLine; theme: Theme}) {
	return (
		<Text wrap="truncate">
			{line.map((segment, i) => (
				<Text key={i} color={colorOf(segment.role, theme)} bold={segment.role === 'key' || segment.role === 'value'}>{segment.text}</Text>
			))}
		</Text>
	);
}

export function Header({facts, hints, width, mode, theme}: HeaderProps) {
	const lines = mode === 'full' ? fullHeader(facts, hints, width) : mode === 'two' ? twoLineHeader(facts, hints, width) : [compactHeader(facts, width)];
	return (
		<Box flexDirection="column" width={width} height={lines.length} flexShrink={0}>
			{lines.map((line, i) => <Line key={i} line={line} theme={theme} />)}
		</Box>
	);
}
