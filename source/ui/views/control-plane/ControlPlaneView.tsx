// The control-plane view: every process of the simulated cluster as a row of the windowed ResourceTable.
import {Box, Text} from 'ink';
import {useMemo} from 'react';
import type {ControlPlaneState} from '../../../cluster/index.js';
import {ResourceTable} from '../../components/ResourceTable.js';
import {truncate} from '../../text.js';
import type {InspectViewProps} from '../table.js';
import {controlPlaneTable} from './rows.js';

export interface ControlPlaneViewProps extends InspectViewProps {
	state: ControlPlaneState;
}

export function ControlPlaneView({state, table: shown, filter, width, height, cursor, theme}: ControlPlaneViewProps) {
	const full = useMemo(() => (shown ? undefined : controlPlaneTable(state)), [state, shown]);
	const table = shown ?? full!;
	const footer = height >= 6 ? 1 : 0;
	return (
		<Box flexDirection="column" width={width} height={height} flexShrink={0}>
			<ResourceTable table={table} scope={`tick ${state.tick}`} cursor={cursor} width={width} height={height - footer} focused theme={theme} filter={filter} />
			{footer > 0 && <Text wrap="truncate" color={theme.keyHint}>{truncate('LAST TICK: what each did in the last tick · QUEUE: keys queued or waiting to retry · esc: back', width)}</Text>}
		</Box>
	);
}
