// Split a command line into words the way a shell would for simple cases: spaces separate words,
// single or double quotes group them, a backslash escapes the next character.

export function splitCommandLine(line: string): string[] {
	const words: string[] = [];
	let current = '';
	let quote: '"' | "'" | undefined;
	let inWord = false;
	for (let i = 0; i < line.length; i++) {
		const ch = line[i]!;
		if (quote) {
			if (ch === quote) quote = undefined;
			else if (ch === '\\' && quote === '"' && i + 1 < line.length) current += line[++i];
			else current += ch;
		} else if (ch === '"' || ch === "'") {
			quote = ch;
			inWord = true;
		} else if (ch === '\\' && i + 1 < line.length) {
			current += line[++i];
			inWord = true;
		} else if (/\s/.test(ch)) {
			if (inWord) words.push(current);
			current = '';
			inWord = false;
		} else {
			current += ch;
			inWord = true;
		}
	}
	if (quote) throw new Error(`unterminated ${quote} quote in: ${line}`);
	if (inWord) words.push(current);
	return words;
}
