// The `:` prompt, k9s style: `> ` and the typed text, with a block cursor (`_` without colour).
import {Text} from 'ink';
import {truncate} from '../text.js';
import type {Theme} from '../theme.js';

export function PromptLine({text, width, theme}: {text: string; width: number; theme: Theme}) {
	// Keep the end of a long line in view.
	const room = Math.max(1, width - 4);
	const shown = text.length > room ? '…' + text.slice(text.length - room + 1) : text;
	return (
		<Text wrap="truncate">
			<Text color={theme.title} bold>{truncate(' > ', width)}</Text>
			<Text color={theme.header}>{shown}</Text>
			{theme.color ? <Text inverse> </Text> : <Text>_</Text>}
		</Text>
	);
}
