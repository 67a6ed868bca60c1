// The last tick in one line for the home screen, so each step shows its hop:
// `tick 3: kube-scheduler bound 2 pods; kubelet@worker-1 pulled 1 image, started 1 container`.
import type {TraceEntry} from '../api/trace.js';
import {actionOf} from './trace-lines.js';
import {componentName} from './names.js';

/** `pod` -> `pods`, `pod status` -> `pod statuses`, `replica set` -> `replica sets`. */
export function plural(noun: string, count: number): string {
	if (count === 1) return noun;
	if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
	if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
	return `${noun}s`;
}

type Counts = Map<string, {action: string; noun: string; count: number}>;

/** A status write or a plain event: a report of what happened, not the happening. */
const isReport = (c: {action: string; noun: string}) => c.noun.endsWith(' status') || c.noun === 'event';

/**
 * What each component did in the tick, counted: components in the order they ran, actions in the order done. Read
 * from the entries alone (no store reads, no sentences), as it runs after every step.
 */
export function tickSummary(tick: number, entries: readonly TraceEntry[]): string {
	const byComponent = new Map<string, Counts>();
	for (const e of entries) {
		const done = actionOf(e);
		if (!done) continue;
		let counts = byComponent.get(e.component);
		if (!counts) byComponent.set(e.component, (counts = new Map()));
		const key = `${done.action}\u0000${done.noun}`;
		const entry = counts.get(key);
		if (entry) entry.count++;
		else counts.set(key, {...done, count: 1});
	}
	if (byComponent.size === 0) return `tick ${tick}: no writes`;
	// The hop first: what components made happen (created, bound, pulled) before status they reported, so a narrow
	// screen still shows it; otherwise in the order they ran.
	const reportsOnly = (counts: Counts) => [...counts.values()].every(isReport);
	const ordered = [...byComponent].map(([identity, counts], i) => ({identity, counts, i}))
		.sort((a, b) => Number(reportsOnly(a.counts)) - Number(reportsOnly(b.counts)) || a.i - b.i);
	const parts = ordered.map(({identity, counts}) => {
		const items = [...counts.values()];
		const done = [...items.filter(c => !isReport(c)), ...items.filter(isReport)].map(c => `${c.action} ${c.count} ${plural(c.noun, c.count)}`);
		return `${componentName(identity)} ${done.join(', ')}`;
	});
	return `tick ${tick}: ${parts.join('; ')}`;
}
