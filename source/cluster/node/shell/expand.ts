// Word expansion at run time: `$NAME`, `${NAME:-default}`, `$?`, `$((arithmetic))`; command
// substitution is the interpreter's (it may run commands), passed in as `substitute`.
import {ARITH, SUBST, VAR} from './tokens.js';

export type Lookup = (name: string) => string | undefined;

export function expandVariables(word: string, lookup: Lookup): string {
	if (!word.includes(VAR)) return word;
	return word.replace(/\u0000([^\u0000]*)\u0000/g, (_, expr: string) => {
		const defaultAt = expr.indexOf(':-');
		if (defaultAt >= 0) {
			const value = lookup(expr.slice(0, defaultAt));
			return value ? value : expr.slice(defaultAt + 2);
		}
		return lookup(expr) ?? '';
	});
}

/** Integer arithmetic of `$((...))`: + - * / % and parentheses over numbers and variable names. */
export function evaluateArithmetic(expression: string, lookup: Lookup): number {
	const tokens = expression.replace(/\$/g, '').match(/\d+|[A-Za-z_][A-Za-z0-9_]*|[-+*/%()]/g) ?? [];
	let i = 0;
	const primary = (): number => {
		const token = tokens[i++];
		if (token === '(') {
			const value = sum();
			i++;
			return value;
		}
		if (token === '-') return -primary();
		if (token === undefined) return 0;
		if (/^\d+$/.test(token)) return Number(token);
		return Number.parseInt(lookup(token) ?? '0', 10) || 0;
	};
	const product = (): number => {
		let value = primary();
		while (tokens[i] === '*' || tokens[i] === '/' || tokens[i] === '%') {
			const op = tokens[i++];
			const right = primary();
			value = op === '*' ? value * right : right === 0 ? 0 : op === '/' ? Math.trunc(value / right) : value % right;
		}
		return value;
	};
	const sum = (): number => {
		let value = product();
		while (tokens[i] === '+' || tokens[i] === '-') value = tokens[i++] === '+' ? value + product() : value - product();
		return value;
	};
	return sum();
}

/** Replace the arithmetic markers of a word. */
export function expandArithmetic(word: string, expressions: string[], lookup: Lookup): string {
	if (!word.includes(ARITH)) return word;
	return word.replace(/\u0002(\d+)\u0002/g, (_, n: string) => String(evaluateArithmetic(expandVariables(expressions[Number(n)]!, lookup), lookup)));
}

export const hasSubstitution = (word: string) => word.includes(SUBST);
export const substitutionPattern = /\u0001(\d+)\u0001/g;
