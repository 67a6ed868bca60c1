// Field selectors: `spec.nodeName=node-1,status.phase!=Running`. Only =, == and != exist.
import {badRequest} from './errors.js';

export interface FieldRequirement {
	field: string;
	value: string;
	equal: boolean;
}

export function parseFieldSelector(text: string | undefined, supported: readonly string[]): FieldRequirement[] {
	if (!text) return [];
	return text.split(',').filter(p => p.trim() !== '').map(part => {
		const match = /^\s*([^=!\s]+)\s*(==|=|!=)\s*(.*?)\s*$/.exec(part);
		if (!match) throw badRequest(`invalid selector: '${text}'; can't understand '${part}'`);
		const field = match[1]!;
		if (!supported.includes(field)) throw badRequest(`field label not supported: ${field}`);
		return {field, value: match[3]!, equal: match[2] !== '!='};
	});
}
