// Label selectors: the string form (`app=web,tier!=db,env in (a,b),!canary`) and the
// LabelSelector object (matchLabels + matchExpressions), both compiled to one matcher.
import type {LabelSelector} from './types.js';

export type Labels = Readonly<Record<string, string>> | undefined;

export interface Requirement {
	key: string;
	operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
	values: string[];
}

/** A compiled selector; `everything` matches all objects, `nothing` none. */
export interface Selector {
	requirements: Requirement[];
	matches(labels: Labels): boolean;
	/** Canonical string form, as kubectl prints it. */
	toString(): string;
	/** For `key=value` and `key in (value)` requirements: an exact label this selector needs (used by indexes). */
	exact(key: string): string | undefined;
	empty: boolean;
}

function compile(requirements: Requirement[], nothing = false): Selector {
	const sorted = [...requirements].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
	return {
		requirements: sorted,
		empty: sorted.length === 0 && !nothing,
		matches(labels) {
			if (nothing) return false;
			for (const r of sorted) {
				const value = labels?.[r.key];
				switch (r.operator) {
					case 'In': if (value === undefined || !r.values.includes(value)) return false; break;
					case 'NotIn': if (value !== undefined && r.values.includes(value)) return false; break;
					case 'Exists': if (value === undefined) return false; break;
					case 'DoesNotExist': if (value !== undefined) return false; break;
				}
			}
			return true;
		},
		toString() {
			return sorted.map(r => {
				switch (r.operator) {
					case 'In': return r.values.length === 1 ? `${r.key}=${r.values[0]}` : `${r.key} in (${r.values.join(',')})`;
					case 'NotIn': return r.values.length === 1 ? `${r.key}!=${r.values[0]}` : `${r.key} notin (${r.values.join(',')})`;
					case 'Exists': return r.key;
					case 'DoesNotExist': return `!${r.key}`;
				}
			}).join(',');
		},
		exact(key) {
			const r = sorted.find(q => q.key === key && q.operator === 'In' && q.values.length === 1);
			return r?.values[0];
		},
	};
}

export const everything = compile([]);
export const nothing = compile([], true);

/** Parse the string form. Throws an Error naming the bad part. */
export function parseSelector(text: string): Selector {
	const requirements: Requirement[] = [];
	// Split on commas that are not inside parentheses.
	const parts: string[] = [];
	let depth = 0;
	let current = '';
	for (const ch of text) {
		if (ch === '(') depth++;
		if (ch === ')') depth--;
		if (ch === ',' && depth === 0) {
			parts.push(current);
			current = '';
		} else current += ch;
	}
	parts.push(current);
	for (const raw of parts) {
		const part = raw.trim();
		if (part === '') {
			if (parts.length === 1) break;
			throw new Error(`unable to parse requirement: found ',', expected: identifier`);
		}
		let match: RegExpExecArray | null;
		if ((match = /^([^\s!=(),]+)\s+(in|notin)\s+\(([^)]*)\)$/.exec(part))) {
			const values = match[3]!.split(',').map(v => v.trim()).filter(v => v !== '');
			requirements.push({key: match[1]!, operator: match[2] === 'in' ? 'In' : 'NotIn', values});
		} else if ((match = /^([^\s!=(),]+)\s*(==|=|!=)\s*([^\s!=(),]*)$/.exec(part))) {
			requirements.push({key: match[1]!, operator: match[2] === '!=' ? 'NotIn' : 'In', values: [match[3]!]});
		} else if ((match = /^!\s*([^\s!=(),]+)$/.exec(part))) {
			requirements.push({key: match[1]!, operator: 'DoesNotExist', values: []});
		} else if ((match = /^([^\s!=(),]+)$/.exec(part))) {
			requirements.push({key: match[1]!, operator: 'Exists', values: []});
		} else {
			throw new Error(`unable to parse requirement: "${part}"`);
		}
	}
	return compile(requirements);
}

/** metav1.LabelSelectorAsSelector: an empty selector matches everything, a missing one nothing. */
export function fromLabelSelector(selector: LabelSelector | undefined): Selector {
	if (!selector) return nothing;
	const requirements: Requirement[] = [];
	for (const [key, value] of Object.entries(selector.matchLabels ?? {})) {
		requirements.push({key, operator: 'In', values: [value]});
	}
	for (const e of selector.matchExpressions ?? []) {
		requirements.push({key: e.key, operator: e.operator as Requirement['operator'], values: [...(e.values ?? [])]});
	}
	return compile(requirements);
}

/** Labels as `a=b,c=d` (sorted), as kubectl's LABELS column shows them. */
export function formatLabels(labels: Labels): string {
	const entries = Object.entries(labels ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
	return entries.length === 0 ? '<none>' : entries.map(([k, v]) => `${k}=${v}`).join(',');
}
