// The `:` and `/` prompts, k9s style: `> ` (or `/`) and the typed text with a block cursor where the cursor is
// (`_` without colour), and under it a hint line: what the prompt accepts, or the completions Tab found.
import {Box, Text} from 'ink';
import type {Prompt} from '../state/types.js';
import {truncate} from '../text.js';
import type {Theme} from '../theme.js';

export const promptHints = {
	command: 'kind (po deploy rs no ns ev cm …) [ns] · get/describe/logs/scale/delete/cordon/apply -f/rollout restart · xray · ns NAME · aliases · q · tab completes',
	filter: 'regex over the columns · !regex inverts · -l app=web label selector · enter keeps · esc clears',
} as const;

export function PromptLine({prompt, width, theme}: {prompt: Prompt; width: number; theme: Theme}) {
	const {text, cursor} = prompt;
	const lead = prompt.mode === 'filter' ? ' / ' : ' > ';
	// Keep the cursor in view on a long line.
	const room = Math.max(1, width - lead.length - 1);
	const start = Math.max(0, cursor - room + 1);
	const shown = text.slice(start, start + room);
	const at = cursor - start;
	const under = shown[at] ?? ' ';
	const hint = prompt.candidates?.length ? prompt.candidates.join('  ') : promptHints[prompt.mode];
	return (
		<Box flexDirection="column" width={width} height={2} flexShrink={0}>
			<Text wrap="truncate">
				<Text color={theme.title} bold>{truncate(lead, width)}</Text>
				<Text color={theme.header}>{shown.slice(0, at)}</Text>
				{theme.color ? <Text inverse>{under}</Text> : <Text>{under === ' ' ? '_' : under}</Text>}
				<Text color={theme.header}>{shown.slice(at + 1)}</Text>
			</Text>
			<Text wrap="truncate" color={theme.keyHint} dimColor>{truncate(` ${hint}`, width)}</Text>
		</Box>
	);
}
