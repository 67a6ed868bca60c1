// `?`: every key of the view it is opened in (the general ones and its rows' own), from the keymap registry, in an ink-table (scrolls with j/k when it is taller
// than the screen).
import {Table} from '@alcalzone/ink-table';
import {Box, Text} from 'ink';
import type {PropsWithChildren} from 'react';
import {bindings, bindingsFor, displayKey, type Binding} from '../state/keymap.js';
import {textWidth, truncate} from '../text.js';
import type {Theme} from '../theme.js';

export interface HelpRow {
	[column: string]: string;
	KEY: string;
	ACTION: string;
	WHERE: string;
}

export function helpRows(list: readonly Binding[] = bindings, readonly = false): HelpRow[] {
	return list.filter(b => !(readonly && b.mutates)).map(b => ({
		KEY: b.keys.map(displayKey).join(', '),
		ACTION: b.description,
		WHERE: b.resources ? b.resources.join(', ') : 'anywhere',
	}));
}

/** ink-table spends a line on each separator: top, titles, one separator per row plus its row, bottom. */
export function helpRowsThatFit(height: number): number {
	return Math.max(0, Math.floor((height - 3) / 2));
}

export interface HelpOverlayProps {
	width: number;
	height: number;
	offset: number;
	theme: Theme;
	readonly?: boolean;
	/** The rows' resource of the view underneath (`pods`, `trace`); none: a text view, its general keys. */
	resource?: string;
}

export function HelpOverlay({width, height, offset, theme, readonly = false, resource}: HelpOverlayProps) {
	const all = helpRows(bindingsFor(resource, readonly));
	// One line for the title above the table.
	const fitting = helpRowsThatFit(height - 1);
	const start = Math.max(0, Math.min(offset, all.length - fitting));
	const keyWidth = Math.max(3, ...all.map(r => textWidth(r.KEY)));
	const whereWidth = Math.max(5, ...all.map(r => textWidth(r.WHERE)));
	// Borders (4) and padding (2 per column) around KEY, ACTION and WHERE.
	const actionWidth = Math.max(6, width - keyWidth - whereWidth - 4 - 6);
	const rows = all.slice(start, start + fitting).map(r => ({...r, ACTION: truncate(r.ACTION, actionWidth)}));
	const more = all.length > fitting ? ` [${start + 1}-${start + rows.length} of ${all.length}] j/k scroll ·` : '';
	const HeaderCell = ({children}: PropsWithChildren) => <Text bold color={theme.title}>{children}</Text>;
	const Skeleton = ({children}: PropsWithChildren) => <Text color={theme.border.blurred}>{children}</Text>;
	return (
		<Box flexDirection="column" width={width} height={height} overflow="hidden">
			<Text wrap="truncate" bold color={theme.title}>{` Help${resource ? `(${resource})` : ''}${more} esc close`}</Text>
			{fitting > 0 && <Table data={rows} columns={['KEY', 'ACTION', 'WHERE']} header={HeaderCell} skeleton={Skeleton} />}
		</Box>
	);
}
