// The shape of a parsed script: lists of and-or chains of pipelines of commands.

export interface Redirect {
	/** The file descriptor redirected: 1 (stdout) or 2 (stderr); 0 for input. */
	fd: number;
	op: '>' | '>>' | '<' | '>&';
	target: string;
}

export type Command =
	| {type: 'simple'; assigns: Array<[string, string]>; words: string[]; redirects: Redirect[]}
	| {type: 'loop'; until: boolean; condition: List; body: List}
	| {type: 'for'; name: string; items: string[]; body: List}
	| {type: 'if'; branches: Array<{condition: List; body: List}>; otherwise?: List}
	| {type: 'group'; body: List};

export type Pipeline = Command[];

export interface AndOr {
	first: Pipeline;
	rest: Array<{op: '&&' | '||'; pipeline: Pipeline}>;
	/** `!` in front: the status inverted. */
	negated?: boolean;
	/** Ended by `&`. */
	background?: boolean;
}

export type List = AndOr[];
