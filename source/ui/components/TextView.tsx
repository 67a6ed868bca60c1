// A bordered text view (describe, YAML, logs, aliases): the lines from the scroll offset that fit, search matches
// highlighted, and where the window is (`[12-40 of 88]`) in the title.
import {Box, Text} from 'ink';
import {fit} from '../text.js';
import type {Theme} from '../theme.js';
import {topBorder} from './ResourceTable.js';

export interface TextViewProps {
	title: string;
	lines: readonly string[];
	offset: number;
	search?: string;
	width: number;
	height: number;
	theme: Theme;
}

/** Lines a text view spends on its borders. */
export const textChrome = 2;

function Highlighted({line, search, width, theme}: {line: string; search?: string; width: number; theme: Theme}) {
	const text = fit(line.replace(/\t/g, '    '), width);
	const at = search ? text.toLowerCase().indexOf(search.toLowerCase()) : -1;
	if (!search || at < 0) return <Text>{text}</Text>;
	const end = at + search.length;
	return (
		<Text>
			{text.slice(0, at)}
			<Text inverse color={theme.color ? theme.title : undefined}>{text.slice(at, end)}</Text>
			{text.slice(end)}
		</Text>
	);
}

export function TextView({title, lines, offset, search, width, height, theme}: TextViewProps) {
	const visible = Math.max(0, height - textChrome);
	const top = Math.max(0, Math.min(offset, lines.length - visible));
	const shown = lines.slice(top, top + visible);
	const where = lines.length > visible ? `[${top + 1}-${top + shown.length} of ${lines.length}] ` : '';
	const border = topBorder(` ${title} ${where}${search ? `</${search}> ` : ''}`, width, !theme.color);
	const inner = Math.max(0, width - 2);
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0}>
			<Text wrap="truncate">
				<Text color={theme.border.focused}>{border.left}</Text>
				<Text color={theme.title} bold>{border.title}</Text>
				<Text color={theme.border.focused}>{border.right}</Text>
			</Text>
			<Box flexDirection="column" height={height - 1} borderStyle={theme.color ? 'single' : 'double'} borderTop={false} borderColor={theme.border.focused}>
				{shown.map((line, i) => <Highlighted key={top + i} line={line} search={search} width={inner} theme={theme} />)}
			</Box>
		</Box>
	);
}

/** What a text view is called in its border: `describe(default/web-x)`, `logs(default/web-x:web)`. */
export function textTitle(mode: string, target?: {namespace?: string; name: string}, container?: string, previous?: boolean): string {
	if (!target) return mode;
	const name = `${target.namespace ? `${target.namespace}/` : ''}${target.name}${container ? `:${container}` : ''}`;
	return `${mode}${previous ? ' --previous' : ''}(${name})`;
}
