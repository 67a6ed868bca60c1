// Word wrapping to a width, so a view knows how many lines a long message takes before it lays itself out.
import {textWidth, truncate} from '../text.js';

/** Lines of at most `width` columns, broken at spaces; a word longer than a line is cut into pieces. */
export function wrapText(text: string, width: number): string[] {
	if (width <= 0) return [];
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		let rest = word;
		while (textWidth(rest) > width) {
			if (line) {
				lines.push(line);
				line = '';
			}
			const chars = Array.from(rest);
			lines.push(chars.slice(0, width).join(''));
			rest = chars.slice(width).join('');
		}
		if (!rest) continue;
		if (!line) line = rest;
		else if (textWidth(line) + 1 + textWidth(rest) <= width) line += ` ${rest}`;
		else {
			lines.push(line);
			line = rest;
		}
	}
	if (line) lines.push(line);
	return lines;
}

/** At most `max` wrapped lines; the last one ends in '…' when text was left out. */
export function wrapLines(text: string, width: number, max: number): string[] {
	const lines = wrapText(text, width);
	if (lines.length <= max) return lines;
	if (max <= 0) return [];
	// The next word did not fit on the last kept line, so joining it on makes truncate end the line in '…'.
	return [...lines.slice(0, max - 1), truncate(`${lines[max - 1]} ${lines[max]}`, width).replace(/\s+…$/, '…')];
}
