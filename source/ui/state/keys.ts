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
	if (key.leftArrow) return key.shift ? 'shift-left' : 'left';
	if (key.rightArrow) return key.shift ? 'shift-right' : 'right';
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

/** Control characters that stand for a key when they arrive inside a chunk of text (a paste, fast typing). */
const chunkKeys: Record<string, string> = {'\r': 'enter', '\n': 'enter', '\t': 'tab', '\x7f': 'backspace', '\b': 'backspace'};

/** Every key press in one chunk of input. Keys typed while a long tick ran arrive together ('nnn'): each
 * character is its own press, so none is lost (in the prompt, each types its character, as a paste would), and an
 * Enter inside the chunk (`:cordon worker-3⏎` pasted) is still an Enter. */
export function toKeyPresses(input: string, key: Key): KeyPress[] {
	if (input.length > 1 && /[\r\n\t\x7f\b]/.test(input) && !input.startsWith('\x1b')) {
		const presses: KeyPress[] = [];
		for (const ch of input) {
			const named = chunkKeys[ch];
			if (named) presses.push({name: named, text: ''});
			else if (ch >= ' ') presses.push({name: ch === ' ' ? 'space' : ch, text: ch});
		}
		return presses;
	}
	const one = toKeyPress(input, key);
	if (one.text.length <= 1) return [one];
	return [...one.text].map(ch => ({name: ch === ' ' ? 'space' : ch, text: ch}));
}

/** A key press for tests and scripted input: `press('j')`, `press('enter')`, `press('ctrl-d')`. */
export function press(name: string): KeyPress {
	return {name, text: name.length === 1 ? name : name === 'space' ? ' ' : ''};
}
