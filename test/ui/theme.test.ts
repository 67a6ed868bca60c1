import test from 'ava';
import {playSchedule} from '../../source/ui/hooks/use-player.js';
import {colorFromEnv, createTheme, k9sColors} from '../../source/ui/theme.js';

test('NO_COLOR (set and not empty) turns colour off', t => {
	t.true(colorFromEnv({}));
	t.false(colorFromEnv({NO_COLOR: '1'}));
	t.true(colorFromEnv({NO_COLOR: ''}));
});

test('the colour theme is the k9s stock skin: cursor black on aqua, errors orange-red, Terminating purple', t => {
	const theme = createTheme(true);
	t.deepEqual(theme.cursor, {color: k9sColors.black, backgroundColor: k9sColors.aqua});
	t.is(theme.tone.error, k9sColors.error);
	t.is(theme.tone.terminating, k9sColors.terminating);
	t.is(theme.tone.completed, k9sColors.completed);
});

test('playing steps speed ticks per wall second; fast speeds batch ticks instead of firing faster than 8 times a second', t => {
	t.deepEqual(playSchedule(0.5), {intervalMs: 2000, ticksPerInterval: 1});
	t.deepEqual(playSchedule(1), {intervalMs: 1000, ticksPerInterval: 1});
	t.deepEqual(playSchedule(4), {intervalMs: 250, ticksPerInterval: 1});
	t.deepEqual(playSchedule(16), {intervalMs: 125, ticksPerInterval: 2});
});
