// Colours of the k9s stock skin, and how the dashboard reads without colour (NO_COLOR).
import type {Tone} from './render/types.js';

export interface Theme {
	/** False under NO_COLOR: no colour props at all; the cursor row gets a '>' marker and inverse. */
	color: boolean;
	tone: Record<Tone, string | undefined>;
	/** Cursor row: black on aqua. */
	cursor: {color?: string; backgroundColor?: string; inverse?: boolean};
	border: {focused?: string; blurred?: string};
	title: string | undefined;
	header: string | undefined;
	keyHint: string | undefined;
	flash: {info?: string; warn?: string; error?: string};
	/** Rows added or modified since the last tick (k9s's add and modify colours). */
	change: {added?: string; modified?: string};
	/** The arrow of a number that went up or down in the last tick (k9s: red up, green down). */
	delta: {up?: string; down?: string};
}

export const k9sColors = {
	normal: '#87cefa', // lightskyblue: healthy rows
	pending: '#ff8c00', // darkorange: Pending, ContainerCreating, cordoned, scaled to 0
	error: '#ff4500', // orangered: CrashLoopBackOff, NotReady, Warning
	terminating: '#9370db', // mediumpurple
	completed: '#778899', // lightslategray
	aqua: '#00ffff',
	dodgerblue: '#1e90ff',
	white: '#ffffff',
	orange: '#ffa500',
	greenyellow: '#adff2f',
	red: '#ff0000',
	green: '#00ff00',
	black: '#000000',
} as const;

export function createTheme(color: boolean): Theme {
	if (!color) {
		return {
			color: false,
			tone: {normal: undefined, pending: undefined, error: undefined, terminating: undefined, completed: undefined},
			cursor: {inverse: true},
			border: {},
			title: undefined,
			header: undefined,
			keyHint: undefined,
			flash: {},
			change: {},
			delta: {},
		};
	}
	return {
		color: true,
		tone: {
			normal: k9sColors.normal,
			pending: k9sColors.pending,
			error: k9sColors.error,
			terminating: k9sColors.terminating,
			completed: k9sColors.completed,
		},
		cursor: {color: k9sColors.black, backgroundColor: k9sColors.aqua},
		border: {focused: k9sColors.aqua, blurred: k9sColors.dodgerblue},
		title: k9sColors.aqua,
		header: k9sColors.white,
		keyHint: k9sColors.dodgerblue,
		flash: {info: k9sColors.normal, warn: k9sColors.orange, error: k9sColors.error},
		change: {added: k9sColors.dodgerblue, modified: k9sColors.greenyellow},
		delta: {up: k9sColors.red, down: k9sColors.green},
	};
}

/** NO_COLOR (https://no-color.org): present and not empty turns colour off. */
export function colorFromEnv(env: NodeJS.ProcessEnv = process.env): boolean {
	return !env['NO_COLOR'];
}
