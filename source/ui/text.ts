// Plain text helpers for fixed-width cells: truncation with '…', padding, thousands separators, timestamps.

const ellipsis = '…';

/** Code points, so a multi-unit character counts once (Kubernetes names are ASCII; messages may not be). */
function chars(text: string): string[] {
	return Array.from(text);
}

/** The text cut to `width` columns, ending in '…' when it was longer. */
export function truncate(text: string, width: number): string {
	if (width <= 0) return '';
	if (textWidth(text) <= width) return text;
	if (width === 1) return ellipsis;
	// The first width-1 code points take at most twice as many code units: only that much of a long text is split.
	return chars(text.slice(0, 2 * (width - 1))).slice(0, width - 1).join('') + ellipsis;
}

/** Truncated, then padded with spaces to exactly `width` columns. */
export function fit(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const cut = truncate(text, width);
	const gap = width - textWidth(cut);
	if (gap <= 0) return cut;
	return align === 'right' ? ' '.repeat(gap) + cut : cut + ' '.repeat(gap);
}

/** Columns a text takes: its code points (no allocation; this runs for every cell of every row). */
export function textWidth(text: string): number {
	let width = text.length;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code >= 0xd800 && code <= 0xdbff) width--;
	}
	return width;
}

/** 1234567 -> "1,234,567", as k9s titles count rows. */
export function thousands(n: number): string {
	return Math.trunc(n).toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Simulated epoch ms as "2026-01-01 00:00:12" (UTC, like the cluster's timestamps). */
export function formatClockTime(ms: number): string {
	return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** Lines folded into pieces of at most `width` columns, as `fold -w` does (indentation kept, so YAML still reads;
 * a long event message reads in full in describe). For prose broken at spaces see views/wrap.ts. */
export function foldLines(lines: readonly string[], width: number): string[] {
	if (width <= 0) return [...lines];
	const out: string[] = [];
	for (const raw of lines) {
		const line = raw.replace(/\t/g, '    ');
		if (textWidth(line) <= width) {
			out.push(line);
			continue;
		}
		const all = Array.from(line);
		for (let i = 0; i < all.length; i += width) out.push(all.slice(i, i + width).join(''));
	}
	return out;
}
