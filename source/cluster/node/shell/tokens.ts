// Splitting a script into words and operators. shell-quote does the quoting; before it runs, `$(...)`
// and `$((...))` are cut out (it has no notion of them), and `$NAME` is kept as a marker so that
// expansion happens when the command runs (a loop variable changes between iterations), not at parse.
import {parse as quoteParse} from 'shell-quote';

export type Token = string | {op: string};

/** Marker for a variable: \0NAME\0. Command substitution: \x01N\x01. Arithmetic: \x02N\x02. */
export const VAR = '\u0000';
export const SUBST = '\u0001';
export const ARITH = '\u0002';

export interface Tokenized {
	tokens: Token[];
	/** Scripts of `$(...)`, by index. */
	substitutions: string[];
	/** Expressions of `$((...))`, by index. */
	arithmetic: string[];
}

export class ShellSyntaxError extends Error {}

/** Cut `$(...)` and `$((...))` out of the text (outside single quotes), leaving markers. */
function extract(script: string, substitutions: string[], arithmetic: string[]): string {
	let out = '';
	let quote = '';
	for (let i = 0; i < script.length; i++) {
		const ch = script[i]!;
		if (quote === "'") {
			if (ch === "'") quote = '';
			out += ch;
			continue;
		}
		if (ch === '\\' && script[i + 1] === '\n') {
			i++; // a line continued
			continue;
		}
		if (ch === '\\') {
			out += ch + (script[i + 1] ?? '');
			i++;
			continue;
		}
		if (quote === '' && ch === '\n') {
			out += ';'; // shell-quote treats a newline as a space: it ends a command
			continue;
		}
		if (quote === '' && ch === '#' && (out === '' || /[\s;]$/.test(out))) {
			while (i + 1 < script.length && script[i + 1] !== '\n') i++;
			continue;
		}
		if (ch === "'" && quote === '') quote = "'";
		else if (ch === '"') quote = quote === '"' ? '' : '"';
		if (ch === '$' && script[i + 1] === '(') {
			const arith = script[i + 2] === '(';
			let depth = 0;
			let j = i + 1;
			for (; j < script.length; j++) {
				if (script[j] === '(') depth++;
				else if (script[j] === ')' && --depth === 0) break;
			}
			if (j >= script.length) throw new ShellSyntaxError('syntax error: unterminated $(');
			if (arith) {
				arithmetic.push(script.slice(i + 3, j - 1));
				out += `${ARITH}${arithmetic.length - 1}${ARITH}`;
			} else {
				substitutions.push(script.slice(i + 2, j));
				out += `${SUBST}${substitutions.length - 1}${SUBST}`;
			}
			i = j;
			continue;
		}
		out += ch;
	}
	if (quote) throw new ShellSyntaxError(`syntax error: unterminated quoted string`);
	return out;
}

export function tokenize(script: string): Tokenized {
	const substitutions: string[] = [];
	const arithmetic: string[] = [];
	const text = extract(script, substitutions, arithmetic);
	const tokens: Token[] = [];
	for (const entry of quoteParse(text, name => `${VAR}${name}${VAR}`)) {
		if (typeof entry === 'string') tokens.push(entry);
		else if ('comment' in entry) break;
		else if (entry.op === 'glob') tokens.push((entry as {pattern: string}).pattern);
		else tokens.push({op: entry.op});
	}
	return {tokens, substitutions, arithmetic};
}
