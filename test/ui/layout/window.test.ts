import test from 'ava';
import {clampCursor, scrollTop} from '../../../source/ui/layout/window.js';

test('the window keeps its place while the cursor is inside it, and follows the cursor out of it', t => {
	t.is(scrollTop(0, 5, 10, 100), 0);
	t.is(scrollTop(0, 10, 10, 100), 1);
	t.is(scrollTop(20, 25, 10, 100), 20);
	t.is(scrollTop(20, 3, 10, 100), 3);
	t.is(scrollTop(0, 99, 10, 100), 90);
});

test('the window never leaves empty rows at the end, and is 0 for short tables', t => {
	t.is(scrollTop(95, 96, 10, 100), 90);
	t.is(scrollTop(5, 2, 10, 4), 0);
	t.is(scrollTop(3, 0, 0, 10), 0);
});

test('cursors clamp to the table', t => {
	t.is(clampCursor(-1, 5), 0);
	t.is(clampCursor(9, 5), 4);
	t.is(clampCursor(3, 0), 0);
});
