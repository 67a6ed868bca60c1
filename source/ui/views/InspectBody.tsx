// The body for kubetui's own views: the trace, why or control-plane view of the top of the stack.
import type {ViewData} from '../hooks/use-view-data.js';
import type {InspectView} from '../state/inspect-views.js';
import type {TableData} from '../snapshot/table-data.js';
import type {Theme} from '../theme.js';
import {TraceView} from './trace/TraceView.js';
import {WhyView} from './why/WhyView.js';
import {ControlPlaneView} from './control-plane/ControlPlaneView.js';

export interface InspectBodyProps {
	view: InspectView;
	data: ViewData;
	/** The rows as shown (filter applied). */
	table: TableData;
	cursor: number;
	width: number;
	height: number;
	theme: Theme;
}

export function InspectBody({view, data, table, cursor, width, height, theme}: InspectBodyProps) {
	const common = {table, filter: view.table.filter, cursor, width, height, theme};
	if (view.kind === 'trace' && data.trace) return <TraceView trace={data.trace} {...common} />;
	if (view.kind === 'why' && data.why) return <WhyView report={data.why} {...common} />;
	if (view.kind === 'control-plane' && data.controlPlane) return <ControlPlaneView state={data.controlPlane} {...common} />;
	return null;
}
