import test from 'ava';
import type {Key} from 'ink';
import {toKeyPresses} from '../../../source/ui/state/keys.js';

const plain = {} as Key;

test('keys typed while a long tick ran arrive as one chunk and become one press each', t => {
	t.deepEqual(toKeyPresses('nnn', plain).map(k => k.name), ['n', 'n', 'n']);
	t.deepEqual(toKeyPresses('n n', plain).map(k => k.name), ['n', 'space', 'n']);
	t.deepEqual(toKeyPresses('j', plain), [{name: 'j', text: 'j'}]);
	t.deepEqual(toKeyPresses('', {...plain, return: true}), [{name: 'enter', text: ''}]);
});
