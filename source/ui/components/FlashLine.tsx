// The bottom line: a ` <pods> ` chip for the focused pane (k9s breadcrumbs) and the last action's result.
import {Box, Text} from 'ink';
import type {Flash} from '../hooks/use-flash.js';
import {truncate, textWidth} from '../text.js';
import type {Theme} from '../theme.js';

export interface FlashLineProps {
	/** The view stack's breadcrumbs, home first: ` <pods> <pods:worker-1> <describe:web-x> `. */
	crumbs: readonly string[];
	flash: Flash | undefined;
	width: number;
	/** Lines it may take: a long message wraps instead of being cut. */
	height: number;
	theme: Theme;
	/** Shown, cut to the line, while no flash is: the home screen's summary of the last tick. */
	idle?: string;
}

const levelMarks = {info: '', warn: 'warning: ', error: 'error: '} as const;

export function flashText(flash: Flash | undefined): string {
	if (!flash) return '';
	// Without colour the level must still read: errors and warnings say so unless the text already does.
	const mark = levelMarks[flash.level];
	return mark && !flash.text.toLowerCase().startsWith(mark.slice(0, -2)) ? mark + flash.text : flash.text;
}

/** Lines the chip and message need at `width` columns. */
export function flashLines(crumbs: readonly string[], flash: Flash | undefined, width: number): number {
	return Math.max(1, Math.ceil((textWidth(chipText(crumbs)) + 1 + textWidth(flashText(flash))) / Math.max(1, width)));
}

const chipText = (crumbs: readonly string[]) => crumbs.map(c => ` <${c}> `).join('');

export function FlashLine({crumbs, flash, width, height, theme, idle}: FlashLineProps) {
	// On a narrow terminal keep the newest crumbs.
	const shown = crumbs.length > 1 && textWidth(chipText(crumbs)) > width / 2 ? ['…', ...crumbs.slice(-1)] : crumbs;
	const chip = chipText(shown);
	// Cut what does not fit in `height` lines, so the frame never grows.
	const text = truncate(' ' + (flash ? flashText(flash) : idle ?? ''), Math.max(0, width * height - textWidth(chip)));
	return (
		<Box width={width} height={height} overflow="hidden" flexShrink={0}>
			<Text wrap={height > 1 ? 'wrap' : 'truncate'}>
				<Text color={theme.color ? 'black' : undefined} backgroundColor={theme.color ? theme.title : undefined} inverse={!theme.color}>{chip}</Text>
				<Text color={flash ? theme.flash[flash.level] : theme.keyHint}>{text}</Text>
			</Text>
		</Box>
	);
}
