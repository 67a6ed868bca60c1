// The scrolling window of a table: which rows are on screen, keeping the cursor visible.

/** First visible row: the previous one unless the cursor left the window; never leaves empty rows at the end. */
export function scrollTop(previousTop: number, cursor: number, height: number, total: number): number {
	if (height <= 0 || total <= 0) return 0;
	let top = previousTop;
	if (cursor < top) top = cursor;
	if (cursor >= top + height) top = cursor - height + 1;
	return Math.max(0, Math.min(top, total - height));
}

/** Clamp a cursor to a table of `total` rows (0 when empty). */
export function clampCursor(cursor: number, total: number): number {
	return total <= 0 ? 0 : Math.max(0, Math.min(cursor, total - 1));
}
