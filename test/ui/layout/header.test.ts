import test from 'ava';
import {clockText, compactHeader, fullHeader} from '../../../source/ui/layout/header.js';
import {hintsFor} from '../../../source/ui/state/keymap.js';
import {formatClockTime} from '../../../source/ui/text.js';

const facts = {cluster: 'kubetui', tick: 'Tick 12', clock: clockText(false, '1x'), time: formatClockTime(Date.UTC(2026, 0, 1, 0, 0, 12))};
const text = (line: Array<{text: string}>) => line.map(s => s.text).join('');

test('the full header shows cluster, tick, clock state and simulated time, with key hints beside them', t => {
	const lines = fullHeader(facts, hintsFor('deployments'), 120).map(text);
	t.is(lines.length, 3);
	t.regex(lines[0]!, /Cluster: kubetui/);
	t.regex(lines[1]!, /Tick 12 · Paused · 1x/);
	t.regex(lines[2]!, /2026-01-01 00:00:12/);
	t.true(lines.join('\n').includes('<s> Scale'), 'the deployments pane hints its scale key');
	t.true(lines.every(l => l.length <= 120));
});

test('pane hints follow focus', t => {
	t.false(fullHeader(facts, hintsFor('pods'), 200).map(text).join('\n').includes('<s> Scale'));
	t.true(fullHeader(facts, hintsFor('nodes'), 200).map(text).join('\n').includes('<c> Cordon'));
});

test('the compact header is one line, cut to the width, tick first', t => {
	const line = text(compactHeader({...facts, clock: clockText(true, '2x')}, 40));
	t.is(line.length, 40);
	t.true(line.startsWith(' kubetui │ Tick 12 │ Playing 2x'));
});
