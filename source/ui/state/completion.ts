// Tab in the `:` prompt: completes the word before the cursor: a command or a kind first, then a kind after a
// verb, then object names after `kind/` (or node names after cordon/uncordon/drain).
import {lookupResource, resources} from '../../cluster/index.js';

/** The prompt's own words (k9s), besides kubectl's verbs and the kinds. */
export const promptWords = ['aliases', 'cp', 'help', 'ns', 'pulses', 'quit', 'trace', 'why', 'xray'] as const;
export const kubectlVerbs = ['apply', 'cordon', 'delete', 'describe', 'drain', 'get', 'logs', 'rollout', 'scale', 'uncordon'] as const;
/** Verbs followed by KIND or KIND/NAME. */
const kindVerbs = new Set(['get', 'describe', 'delete', 'scale', 'logs', 'xray', 'why']);
const nodeVerbs = new Set(['cordon', 'uncordon', 'drain']);

export interface Completion {
	text: string;
	cursor: number;
	/** More than one candidate: what they are (shown in the hint line). */
	candidates: string[];
}

function commonPrefix(words: readonly string[]): string {
	if (words.length === 0) return '';
	let prefix = words[0]!;
	for (const w of words) while (!w.startsWith(prefix)) prefix = prefix.slice(0, -1);
	return prefix;
}

function kindWords(): string[] {
	const out = new Set<string>();
	for (const r of resources) {
		out.add(r.resource);
		for (const s of r.shortNames) out.add(s);
	}
	return [...out];
}

export function complete(text: string, cursor: number, names: (resource: string, namespace?: string) => readonly string[]): Completion | undefined {
	const before = text.slice(0, cursor);
	const words = before.split(/\s+/);
	const word = words[words.length - 1] ?? '';
	const position = words.length - 1;
	const verb = words[0] ?? '';
	let candidates: string[];
	let suffix = ' ';
	const slash = word.indexOf('/');
	if (position === 0) {
		candidates = [...promptWords, ...kubectlVerbs, ...kindWords()].filter(w => w.startsWith(word));
	} else if (slash > 0) {
		const resource = lookupResource(word.slice(0, slash))?.resource;
		const namespace = /(?:^|\s)-n\s+(\S+)/.exec(text)?.[1];
		candidates = resource ? names(resource, namespace).map(n => `${word.slice(0, slash)}/${n}`).filter(w => w.startsWith(word)) : [];
	} else if (position === 1 && nodeVerbs.has(verb)) {
		candidates = names('nodes').filter(n => n.startsWith(word));
	} else if (position === 1 && kindVerbs.has(verb)) {
		candidates = kindWords().filter(w => w.startsWith(word));
		// describe/delete/scale/logs take KIND/NAME: complete to the slash, then names.
		if (verb !== 'get' && verb !== 'xray') suffix = '/';
		if (verb === 'why') candidates = candidates.filter(w => lookupResource(w)?.resource === 'pods');
	} else if (position === 1 && verb === 'rollout') {
		candidates = ['restart'].filter(w => w.startsWith(word));
	} else {
		return undefined;
	}
	candidates = [...new Set(candidates)].sort();
	if (candidates.length === 0) return undefined;
	const start = cursor - word.length;
	const chosen = candidates.length === 1 ? candidates[0]! + suffix : commonPrefix(candidates);
	const next = text.slice(0, start) + chosen + text.slice(cursor);
	return {text: next, cursor: start + chosen.length, candidates: candidates.length === 1 ? [] : candidates};
}
