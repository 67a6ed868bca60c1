// A recursive-descent parser for the POSIX shell subset manifests use: `;`, `&&`, `||`, `|`, `!`,
// while/until/for/if, `{ ...; }` and `( ... )` groups, assignments and redirections.
import type {AndOr, Command, List, Pipeline, Redirect} from './ast.js';
import {tokenize, ShellSyntaxError, type Token, type Tokenized} from './tokens.js';

export interface Script {
	list: List;
	substitutions: string[];
	arithmetic: string[];
}

const redirectOps = new Set(['>', '>>', '<', '>&']);
const listEnd = new Set([';', '&', ';;']);

class Parser {
	private i = 0;

	constructor(private readonly tokens: Token[]) {}

	private peek(): Token | undefined {
		return this.tokens[this.i];
	}

	private isOp(token: Token | undefined, op?: string): token is {op: string} {
		return typeof token === 'object' && (op === undefined || token.op === op);
	}

	private isWord(token: Token | undefined, word: string): boolean {
		return token === word;
	}

	private skipSeparators(): void {
		while (this.isOp(this.peek()) && listEnd.has((this.peek() as {op: string}).op)) this.i++;
	}

	private expectWord(word: string): void {
		if (!this.isWord(this.peek(), word)) throw new ShellSyntaxError(`syntax error: expected "${word}"${this.near()}`);
		this.i++;
	}

	private near(): string {
		const token = this.peek();
		if (token === undefined) return ' (end of file)';
		return ` near "${typeof token === 'string' ? token : token.op}"`;
	}

	/** A list up to one of the `stop` keywords (or a closing paren), which it does not consume. */
	list(stop: string[]): List {
		const list: List = [];
		for (;;) {
			this.skipSeparators();
			const token = this.peek();
			if (token === undefined || this.isOp(token, ')') || (typeof token === 'string' && stop.includes(token))) return list;
			const chain = this.andOr();
			if (this.isOp(this.peek(), '&')) chain.background = true;
			list.push(chain);
		}
	}

	private andOr(): AndOr {
		let negated = false;
		if (this.isWord(this.peek(), '!')) {
			negated = true;
			this.i++;
		}
		const chain: AndOr = {first: this.pipeline(), rest: [], ...(negated ? {negated} : {})};
		for (;;) {
			const token = this.peek();
			if (!this.isOp(token, '&&') && !this.isOp(token, '||')) return chain;
			this.i++;
			this.skipSeparators();
			chain.rest.push({op: token.op as '&&' | '||', pipeline: this.pipeline()});
		}
	}

	private pipeline(): Pipeline {
		const commands = [this.command()];
		while (this.isOp(this.peek(), '|')) {
			this.i++;
			commands.push(this.command());
		}
		return commands;
	}

	private command(): Command {
		const token = this.peek();
		if (token === undefined) throw new ShellSyntaxError('syntax error: unexpected end of file');
		if (this.isOp(token, '(')) {
			this.i++;
			const body = this.list([]);
			if (!this.isOp(this.peek(), ')')) throw new ShellSyntaxError(`syntax error: expected ")"${this.near()}`);
			this.i++;
			return {type: 'group', body};
		}
		if (token === '{') {
			this.i++;
			const body = this.list(['}']);
			this.expectWord('}');
			return {type: 'group', body};
		}
		if (token === 'while' || token === 'until') {
			this.i++;
			const condition = this.list(['do']);
			this.expectWord('do');
			const body = this.list(['done']);
			this.expectWord('done');
			return {type: 'loop', until: token === 'until', condition, body};
		}
		if (token === 'for') {
			this.i++;
			const name = this.peek();
			if (typeof name !== 'string') throw new ShellSyntaxError(`syntax error: bad for loop variable${this.near()}`);
			this.i++;
			const items: string[] = [];
			if (this.isWord(this.peek(), 'in')) {
				this.i++;
				while (typeof this.peek() === 'string' && this.peek() !== 'do') items.push(this.tokens[this.i++] as string);
			}
			this.skipSeparators();
			this.expectWord('do');
			const body = this.list(['done']);
			this.expectWord('done');
			return {type: 'for', name, items, body};
		}
		if (token === 'if') {
			this.i++;
			const branches: Array<{condition: List; body: List}> = [];
			let otherwise: List | undefined;
			for (;;) {
				const condition = this.list(['then']);
				this.expectWord('then');
				branches.push({condition, body: this.list(['elif', 'else', 'fi'])});
				const next = this.tokens[this.i++];
				if (next === 'elif') continue;
				if (next === 'else') {
					otherwise = this.list(['fi']);
					this.expectWord('fi');
				} else if (next !== 'fi') throw new ShellSyntaxError('syntax error: expected "fi"');
				break;
			}
			return {type: 'if', branches, ...(otherwise ? {otherwise} : {})};
		}
		return this.simple();
	}

	private simple(): Command {
		const assigns: Array<[string, string]> = [];
		const words: string[] = [];
		const redirects: Redirect[] = [];
		for (;;) {
			const token = this.peek();
			if (token === undefined) break;
			if (this.isOp(token)) {
				if (!redirectOps.has(token.op)) break;
				this.i++;
				const target = this.tokens[this.i++];
				if (typeof target !== 'string') throw new ShellSyntaxError(`syntax error: redirection without a file${this.near()}`);
				// shell-quote splits `2>&1` into "2", ">&", "1": a lone digit before the operator is its fd.
				let fd = token.op === '<' ? 0 : 1;
				const last = words.at(-1);
				if (last !== undefined && /^[0-9]$/.test(last) && this.tokens[this.i - 3] === last) {
					fd = Number(words.pop());
				}
				redirects.push({fd, op: token.op as Redirect['op'], target});
				continue;
			}
			if (words.length === 0 && /^[A-Za-z_][A-Za-z0-9_]*=/.test(token)) {
				const eq = token.indexOf('=');
				assigns.push([token.slice(0, eq), token.slice(eq + 1)]);
			} else {
				words.push(token);
			}
			this.i++;
		}
		if (words.length === 0 && assigns.length === 0 && redirects.length === 0) throw new ShellSyntaxError(`syntax error: unexpected${this.near()}`);
		return {type: 'simple', assigns, words, redirects};
	}

	done(): boolean {
		return this.i >= this.tokens.length;
	}
}

export function parseScript(text: string): Script {
	const {tokens, substitutions, arithmetic}: Tokenized = tokenize(text);
	const parser = new Parser(tokens);
	const list = parser.list([]);
	if (!parser.done()) throw new ShellSyntaxError('syntax error: unexpected ")"');
	return {list, substitutions, arithmetic};
}
