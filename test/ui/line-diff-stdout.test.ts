import test from 'ava';
import {lineDiffStdout} from '../../source/ui/line-diff-stdout.js';
import {FakeStdout} from './helpers/terminal.js';

const clear = '\x1b[2J\x1b[3J\x1b[H';

function setup() {
	const out = new FakeStdout(20, 3);
	const {stream, stats} = lineDiffStdout(out as unknown as NodeJS.WriteStream);
	return {out, stream, stats};
}

test('a full-screen frame after the first writes only the lines that changed, each at its row', t => {
	const {out, stream} = setup();
	stream.write(`${clear}one\ntwo\nthree`);
	t.is(out.lastFrame(), `${clear}one\ntwo\nthree`, 'the first frame is written whole');
	stream.write(`${clear}one\nTWO\nthree`);
	t.is(out.lastFrame(), '\x1b[2;1HTWO\x1b[K');
	stream.write(`${clear}one\nTWO\nthree`);
	t.is(out.lastFrame(), '', 'nothing changed, nothing written');
});

test('a shorter frame clears the rows it no longer uses', t => {
	const {out, stream} = setup();
	stream.write(`${clear}a\nb\nc`);
	stream.write(`${clear}a`);
	t.is(out.lastFrame(), '\x1b[2;1H\x1b[K\x1b[3;1H\x1b[K');
});

test('any other write, or a resize, makes the next frame whole again; cursor and sync codes do not', t => {
	const {out, stream} = setup();
	stream.write(`${clear}a\nb`);
	stream.write('\x1b[?25l');
	stream.write(`${clear}a\nc`);
	t.is(out.lastFrame(), '\x1b[2;1Hc\x1b[K', 'hiding the cursor changes nothing on screen');
	stream.write('console output\n');
	stream.write(`${clear}a\nc`);
	t.is(out.lastFrame(), `${clear}a\nc`);
	out.resize(30, 3);
	stream.write(`${clear}a\nc`);
	t.is(out.lastFrame(), `${clear}a\nc`);
});

test('the wrapper is the terminal in every other respect: size, TTY, events', t => {
	const {out, stream} = setup();
	t.is(stream.columns, 20);
	t.true(stream.isTTY);
	let resized = false;
	stream.on('resize', () => (resized = true));
	out.resize(40, 10);
	t.true(resized);
	t.is(stream.rows, 10);
});
