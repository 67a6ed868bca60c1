// Ink's (input, key) pair as one key press: a name ('j', 'G', 'down', 'pgdn', 'tab', 'shift-tab', 'ctrl-d', 'enter',
// 'esc', 'space') and the text it types ('' for named keys; a whole string when text is pasted).
import type {Key} from 'ink';

export interface KeyPress {
	name: string;
	text: string;
}

function namedKey(input: string, key: Key): string | undefined {
	if (key.upArrow) return 'up';
	if (key.downArrow) return 'down';
	if (key.leftArrow) return 'left';
	if (key.rightArrow) return 'right';
	if (key.pageDown) return 'pgdn';
	if (key.pageUp) return 'pgup';
	if (key.home) return 'home';
	if (key.end) return 'end';
	if (key.return) return 'enter';
	if (key.escape) return 'esc';
	if (key.tab) return key.shift ? 'shift-tab' : 'tab';
	// Terminals send DEL (0x7f) for the backspace key; Ink reports it as `delete`.
	if (key.backspace || key.delete) return 'backspace';
	if (key.ctrl && input.length === 1) return `ctrl-${input.toLowerCase()}`;
	return undefined;
}

export function toKeyPress(input: string, key: Key): KeyPress {
	const name = namedKey(input, key);
	if (name) return {name, text: ''};
	const text = [...input].filter(ch => ch >= ' ' && ch !== '\x7f').join('');
	return {name: text === ' ' ? 'space' : text, text};
}

/** Every key press in one chunk of input. Keys typed while a long tick ran arrive together ('nnn'): each
 * character is its own press, so none is lost (in the prompt, each types its character, as a paste would). */
export function toKeyPresses(input: string, key: Key): KeyPress[] {
	const one = toKeyPress(input, key);
	if (one.text.length <= 1) return [one];
	return [...one.text].map(ch => ({name: ch === ' ' ? 'space' : ch, text: ch}));
}

/** A key press for tests and scripted input: `press('j')`, `press('enter')`, `press('ctrl-d')`. */
export function press(name: string): KeyPress {
	return {name, text: name.length === 1 ? name : name === 'space' ? ' ' : ''};
}
