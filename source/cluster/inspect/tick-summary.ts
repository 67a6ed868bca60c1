// The last tick in one line for the home screen, so each step shows its hop:
// `tick 3: kube-scheduler bound 2 pods; kubelet@worker-1 pulled 1 image, started 1 container`.
import type {TickTrace} from './trace-lines.js';

/** `pod` -> `pods`, `pod status` -> `pod statuses`, `replica set` -> `replica sets`. */
export function plural(noun: string, count: number): string {
	if (count === 1) return noun;
	if (/(s|x|ch|sh)$/.test(noun)) return `${noun}es`;
	if (/[^aeiou]y$/.test(noun)) return `${noun.slice(0, -1)}ies`;
	return `${noun}s`;
}

/** What each component did in the tick, counted: components in the order they ran, actions in the order done. */
export function tickSummary(trace: TickTrace): string {
	if (trace.groups.length === 0) return `tick ${trace.tick}: no writes`;
	const parts = trace.groups.map(group => {
		const counts = new Map<string, {action: string; noun: string; count: number}>();
		for (const line of group.lines) {
			const key = `${line.action}\u0000${line.noun}`;
			const entry = counts.get(key);
			if (entry) entry.count++;
			else counts.set(key, {action: line.action, noun: line.noun, count: 1});
		}
		const done = [...counts.values()].map(c => `${c.action} ${c.count} ${plural(c.noun, c.count)}`);
		return `${group.component} ${done.join(', ')}`;
	});
	return `tick ${trace.tick}: ${parts.join('; ')}`;
}
