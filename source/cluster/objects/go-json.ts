// The error text of Go's json.Unmarshal into map[string]interface{} (encoding/json scanner.go): ValidateSecret
// quotes it for a docker config Secret whose content is not a JSON object.

const whitespace = new Set([' ', '\t', '\r', '\n']);

class SyntaxError extends Error {}

/** Go's quoteChar: 'x', '\'', '"', control characters escaped as strconv.Quote does. */
function quoteChar(c: string): string {
	if (c === "'") return `'\\''`;
	if (c === '"') return `'"'`;
	const quoted = JSON.stringify(c).slice(1, -1).replace(/\\u00([0-9a-f]{2})/g, '\\x$1');
	return `'${quoted}'`;
}

class Scanner {
	private i = 0;
	constructor(private readonly text: string) {}

	private fail(context: string): never {
		if (this.i >= this.text.length) throw new SyntaxError('unexpected end of JSON input');
		throw new SyntaxError(`invalid character ${quoteChar(this.text[this.i]!)} ${context}`);
	}

	private skip(): void {
		while (this.i < this.text.length && whitespace.has(this.text[this.i]!)) this.i++;
	}

	private peek(): string | undefined {
		return this.text[this.i];
	}

	document(): void {
		this.value();
		this.skip();
		if (this.i < this.text.length) this.fail('after top-level value');
	}

	private value(): void {
		this.skip();
		const c = this.peek();
		if (c === '{') return this.object();
		if (c === '[') return this.array();
		if (c === '"') return this.string();
		if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return this.number();
		for (const literal of ['true', 'false', 'null']) if (c === literal[0]) return this.literal(literal);
		this.fail('looking for beginning of value');
	}

	private object(): void {
		this.i++;
		this.skip();
		if (this.peek() === '}') return void this.i++;
		for (;;) {
			this.skip();
			if (this.peek() !== '"') this.fail('looking for beginning of object key string');
			this.string();
			this.skip();
			if (this.peek() !== ':') this.fail('after object key');
			this.i++;
			this.value();
			this.skip();
			if (this.peek() === ',') this.i++;
			else if (this.peek() === '}') return void this.i++;
			else this.fail('after object key:value pair');
		}
	}

	private array(): void {
		this.i++;
		this.skip();
		if (this.peek() === ']') return void this.i++;
		for (;;) {
			this.value();
			this.skip();
			if (this.peek() === ',') this.i++;
			else if (this.peek() === ']') return void this.i++;
			else this.fail('after array element');
		}
	}

	private string(): void {
		this.i++;
		for (;;) {
			const c = this.peek();
			if (c === undefined) this.fail('in string literal');
			if (c === '"') return void this.i++;
			if (c < ' ') this.fail('in string literal');
			this.i++;
			if (c !== '\\') continue;
			const e = this.peek();
			if (e === undefined || !'"\\/bfnrtu'.includes(e)) this.fail('in string escape code');
			this.i++;
			if (e === 'u') {
				for (let k = 0; k < 4; k++) {
					if (!/[0-9a-fA-F]/.test(this.peek() ?? '')) this.fail('in \\u hexadecimal character escape');
					this.i++;
				}
			}
		}
	}

	private number(): void {
		const digits = () => {
			while (/[0-9]/.test(this.peek() ?? '')) this.i++;
		};
		if (this.peek() === '-') this.i++;
		if (this.peek() === '0') this.i++;
		else if (/[1-9]/.test(this.peek() ?? '')) digits();
		else this.fail('in numeric literal');
		if (this.peek() === '.') {
			this.i++;
			if (!/[0-9]/.test(this.peek() ?? '')) this.fail('after decimal point in numeric literal');
			digits();
		}
		if (this.peek() === 'e' || this.peek() === 'E') {
			this.i++;
			if (this.peek() === '+' || this.peek() === '-') this.i++;
			if (!/[0-9]/.test(this.peek() ?? '')) this.fail('in exponent of numeric literal');
			digits();
		}
	}

	private literal(word: string): void {
		for (let k = 0; k < word.length; k++) {
			if (this.peek() !== word[k]) this.fail(`in literal ${word} (expecting ${quoteChar(word[k]!)})`);
			this.i++;
		}
	}
}

/** The error json.Unmarshal(text, &map[string]interface{}{}) returns, or undefined when it succeeds. */
export function unmarshalObjectError(text: string): string | undefined {
	try {
		new Scanner(text).document();
	} catch (error) {
		if (error instanceof SyntaxError) return error.message;
		throw error;
	}
	const value: unknown = JSON.parse(text);
	if (value === null || (typeof value === 'object' && !Array.isArray(value))) return undefined;
	const kind = Array.isArray(value) ? 'array' : typeof value === 'boolean' ? 'bool' : typeof value;
	return `json: cannot unmarshal ${kind} into Go value of type map[string]interface {}`;
}
