import test from 'ava';
import {flashLines, flashText} from '../../../source/ui/components/FlashLine.js';

test('without colour the level still reads: warnings and errors say so, once', t => {
	t.is(flashText({level: 'info', text: 'deployment.apps/web scaled'}), 'deployment.apps/web scaled');
	t.is(flashText({level: 'warn', text: 'no pods to act on'}), 'warning: no pods to act on');
	t.is(flashText({level: 'error', text: 'deployments.apps "x" not found'}), 'error: deployments.apps "x" not found');
	t.is(flashText({level: 'error', text: 'Error from server (NotFound): x'}), 'Error from server (NotFound): x');
	t.is(flashText(undefined), '');
});

test('a long message asks for more lines instead of being cut', t => {
	t.is(flashLines(['pods'], {level: 'info', text: 'short'}, 80), 1);
	t.is(flashLines(['pods'], {level: 'error', text: 'x'.repeat(100)}, 80), 2);
});
