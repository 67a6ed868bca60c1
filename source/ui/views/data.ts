// What kubetui's own views show, read from the cluster's inspect facade once per cluster change while one is open;
// the table the keys move over is built from it. A read that fails (a tick compacted away, a pod gone) becomes a
// line of text in place of the view, never an error thrown at render.
import type {DashboardCluster} from '../snapshot/snapshot.js';
import type {ViewData} from '../hooks/use-view-data.js';
import type {View} from '../state/types.js';
import {traceTable} from './trace/rows.js';
import {whyTable} from './why/rows.js';
import {controlPlaneTable} from './control-plane/rows.js';

type InspectView = Extract<View, {kind: 'trace' | 'why' | 'control-plane'}>;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error));

export function inspectData(cluster: DashboardCluster, view: InspectView): ViewData {
	const inspect = cluster.inspect;
	if (!inspect) return {text: [`the ${view.kind} view needs the cluster's inspect facade, which this dashboard was not given (esc goes back)`]};
	try {
		switch (view.kind) {
			case 'trace': {
				const trace = inspect.trace(view.tick);
				return {trace, table: traceTable(trace)};
			}
			case 'why': {
				const why = inspect.why(view.target.namespace ?? 'default', view.target.name);
				return {why, table: whyTable(why)};
			}
			case 'control-plane': {
				const controlPlane = inspect.controlPlane();
				return {controlPlane, table: controlPlaneTable(controlPlane)};
			}
		}
	} catch (error) {
		const hint = view.kind === 'trace' ? ' (] goes to a later tick, esc back)' : ' (esc goes back)';
		return {text: [`${message(error)}${hint}`]};
	}
}
