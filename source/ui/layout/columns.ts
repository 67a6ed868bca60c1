// Fit a table's columns into a width: keep natural widths when they fit; else close the gaps to one space, drop the
// least important columns and shrink the widest ones (their cells then end in '…'). Never wraps.
import type {ColumnHeader} from '../snapshot/table-data.js';

export interface FittedColumn {
	index: number;
	width: number;
	align: 'left' | 'right';
}

export interface FittedTable {
	columns: FittedColumn[];
	/** Spaces between columns: 2 when everything fits at its natural width, else 1. */
	gap: number;
}

export const columnGap = 2;
const tightGap = 1;

interface Candidate {
	index: number;
	natural: number;
	min: number;
	/** Free to cut (a message, labels): cutting it loses little. */
	cut: boolean;
}

function totalWidth(widths: readonly number[], gap: number): number {
	return widths.reduce((sum, w) => sum + w, 0) + Math.max(0, widths.length - 1) * gap;
}

/** Shrink cut-friendly columns first, then the widest of the others, until `excess` is gone or all are at minimum. */
function shrink(candidates: readonly Candidate[], excess: number): number[] {
	const widths = candidates.map(c => c.natural);
	for (const cutFirst of [true, false]) {
		while (excess > 0) {
			let widest = -1;
			for (let i = 0; i < widths.length; i++) {
				const c = candidates[i]!;
				if ((cutFirst && !c.cut) || widths[i]! <= c.min) continue;
				if (widest < 0 || widths[i]! > widths[widest]!) widest = i;
			}
			if (widest < 0) break;
			widths[widest]!--;
			excess--;
		}
	}
	return widths;
}

/**
 * Columns to show and their widths. Cutting a message is cheap, losing part of a name is not: drops columns
 * (highest `drop` first) until what is left fits with only cut-friendly columns shrunk; when even dropping every
 * droppable column is not enough, the rest shrink widest-first down to their minimum (and the row is cut beyond).
 */
export function fitTable(columns: readonly ColumnHeader[], natural: readonly number[], width: number, wide = false, hidden?: ReadonlySet<number>): FittedTable {
	const shown = columns.map((c, index) => ({c, index})).filter(({c, index}) => (wide || !c.wide) && !hidden?.has(index));
	const align = (index: number) => columns[index]!.align ?? 'left';
	if (totalWidth(shown.map(({index}) => natural[index]!), columnGap) <= width) {
		return {gap: columnGap, columns: shown.map(({index}) => ({index, width: natural[index]!, align: align(index)}))};
	}
	// Wide-only columns (ctrl-w) go before any normal one: asking for more must not cost NAMESPACE or AVAILABLE.
	const dropOrder = shown
		.filter(({c}) => c.drop !== undefined || c.wide)
		.sort((a, b) => Number(b.c.wide ?? false) - Number(a.c.wide ?? false) || (b.c.drop ?? 0) - (a.c.drop ?? 0) || b.index - a.index)
		.map(({index}) => index);

	const measure = (gone: ReadonlySet<number>) => {
		const candidates: Candidate[] = shown
			.filter(({index}) => !gone.has(index))
			.map(({c, index}) => ({index, natural: natural[index]!, min: Math.min(natural[index]!, c.min ?? natural[index]!), cut: c.cut ?? false}));
		const excess = totalWidth(candidates.map(c => c.natural), tightGap) - width;
		const cutRoom = candidates.reduce((sum, c) => sum + (c.cut ? c.natural - c.min : 0), 0);
		return {candidates, excess, fits: excess <= cutRoom};
	};
	let dropped = 0;
	while (dropped < dropOrder.length && !measure(new Set(dropOrder.slice(0, dropped))).fits) dropped++;
	// Dropping a wide column may leave room for a narrower one dropped before it: put those back, most important first.
	const gone = new Set(dropOrder.slice(0, dropped));
	for (const index of dropOrder.slice(0, dropped).reverse()) {
		gone.delete(index);
		if (!measure(gone).fits) gone.add(index);
	}
	const {candidates, excess} = measure(gone);
	const widths = shrink(candidates, excess);
	return {gap: tightGap, columns: candidates.map((c, i) => ({index: c.index, width: widths[i]!, align: align(c.index)}))};
}
