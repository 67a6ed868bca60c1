import type {FilterPlugin} from '../framework.js';

export const reasonNodeAffinity = "node(s) didn't match Pod's node affinity/selector";

type Expression = {key: string; operator: string; values?: string[]};

function matchExpression(labels: Record<string, string>, e: Expression): boolean {
	const value = labels[e.key];
	switch (e.operator) {
		case 'In': return value !== undefined && (e.values ?? []).includes(value);
		case 'NotIn': return value === undefined || !(e.values ?? []).includes(value);
		case 'Exists': return value !== undefined;
		case 'DoesNotExist': return value === undefined;
		case 'Gt': return value !== undefined && Number(value) > Number(e.values?.[0]);
		case 'Lt': return value !== undefined && Number(value) < Number(e.values?.[0]);
		default: return false;
	}
}

type Term = {matchExpressions?: Expression[]; matchFields?: Expression[]};

function termMatches(term: Term, labels: Record<string, string>, name: string): boolean {
	return (term.matchExpressions ?? []).every(e => matchExpression(labels, e)) &&
		(term.matchFields ?? []).every(e => matchExpression({'metadata.name': name}, e));
}

const none: string[] = [];
const failed = [reasonNodeAffinity];

/** spec.nodeSelector, and required node affinity (terms are ORed, expressions in a term ANDed). */
export const nodeAffinity = {
	name: 'NodeAffinity',
	filter({pod}, {node}) {
		const selector = pod.spec?.nodeSelector;
		const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
		if (!selector && !terms?.length) return none;
		const labels = node.metadata?.labels ?? {};
		for (const key in selector) {
			if (labels[key] !== selector[key]) return failed;
		}
		if (terms && terms.length > 0 && !terms.some(term => termMatches(term, labels, node.metadata?.name ?? ''))) return failed;
		return none;
	},
} satisfies FilterPlugin;
