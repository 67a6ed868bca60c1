// Runs a parsed script step by step: a generator that yields a Sleep whenever simulated time must pass,
// so the container's driver can park it on the cluster's clock. Deterministic: no real time, no I/O.
import type {AndOr, Command, List, Pipeline, Redirect} from './ast.js';
import {builtins, type ShellHost} from './builtins.js';
import {ShellExit, type IO, type Sleep} from './effects.js';
import {expandArithmetic, expandVariables, substitutionPattern} from './expand.js';
import {parseScript, type Script} from './parse.js';
import {ShellSyntaxError} from './tokens.js';

type Run = Generator<Sleep, number, boolean | undefined>;

/** Commands run between forced pauses: a busy loop advances simulated time instead of hanging the cluster. */
const stepsPerSecond = 100;

const signalName = (name: string) => name.toUpperCase().replace(/^SIG/, '').replace(/^15$/, 'TERM').replace(/^2$/, 'INT').replace(/^0$/, 'EXIT');

export class Shell {
	readonly vars = new Map<string, string>();
	private readonly exported = new Set<string>();
	readonly traps = new Map<string, string>();
	private readonly pending: string[] = [];
	private status = 0;
	private steps = 0;
	private backgroundUntil = 0;

	constructor(private readonly host: ShellHost, private readonly io: IO, private readonly name = 'sh') {
		for (const [k, v] of host.environment()) this.vars.set(k, v);
	}

	/** A signal arrives. True when the script traps it (it runs once the current command ends). */
	signal(name: string): boolean {
		const signal = signalName(name);
		if (!this.traps.has(signal)) return false;
		this.pending.push(signal);
		return true;
	}

	/** Run a script to its end; the result is the exit status. */
	*run(text: string): Run {
		let script: Script;
		try {
			script = parseScript(text);
		} catch (error) {
			if (!(error instanceof ShellSyntaxError)) throw error;
			this.io.err(`${this.name}: ${error.message}\n`);
			return 2;
		}
		try {
			yield* this.list(script.list, script, this.io);
		} catch (exit) {
			if (!(exit instanceof ShellExit)) throw exit;
			this.status = exit.code;
		}
		return this.status;
	}

	private lookup = (name: string): string | undefined => {
		if (name === '?') return String(this.status);
		if (name === '$') return '1';
		if (name === '0') return this.name;
		return this.vars.get(name);
	};

	private *list(list: List, script: Script, io: IO): Run {
		for (const chain of list) {
			if (chain.background && this.backgrounded(chain, script)) continue;
			yield* this.andOr(chain, script, io);
			yield* this.traps_(script, io);
		}
		return this.status;
	}

	/** `sleep N &` runs alongside (for `wait`); other background commands run in the foreground. */
	private backgrounded(chain: AndOr, script: Script): boolean {
		const command = chain.first[0]!;
		if (chain.rest.length || chain.first.length > 1 || command.type !== 'simple' || command.words[0] !== 'sleep') return false;
		const seconds = Number(expandVariables(command.words[1] ?? '0', this.lookup));
		const until = this.host.now() + (Number.isFinite(seconds) ? seconds * 1000 : Infinity);
		this.backgroundUntil = Math.max(this.backgroundUntil, until);
		void script;
		return true;
	}

	private *andOr(chain: AndOr, script: Script, io: IO): Run {
		let status = yield* this.pipeline(chain.first, script, io);
		if (chain.negated) status = status === 0 ? 1 : 0;
		for (const {op, pipeline} of chain.rest) {
			if ((op === '&&') === (status === 0)) status = yield* this.pipeline(pipeline, script, io);
		}
		this.status = status;
		return status;
	}

	private *pipeline(pipeline: Pipeline, script: Script, io: IO): Run {
		if (pipeline.length === 1) return yield* this.command(pipeline[0]!, script, io);
		let stdin: string | undefined = io.stdin;
		let status = 0;
		for (let i = 0; i < pipeline.length; i++) {
			const last = i === pipeline.length - 1;
			let captured = '';
			const stage: IO = {out: last ? io.out : (text => void (captured += text)), err: io.err, ...(stdin !== undefined ? {stdin} : {})};
			status = yield* this.command(pipeline[i]!, script, stage);
			stdin = captured;
		}
		return status;
	}

	private *traps_(script: Script, io: IO): Run {
		while (this.pending.length) {
			const action = this.traps.get(this.pending.shift()!) ?? '';
			if (action !== '') yield* this.list(parseScript(action).list, script, io);
		}
		return this.status;
	}

	private *command(command: Command, script: Script, io: IO): Run {
		switch (command.type) {
			case 'group': return yield* this.list(command.body, script, io);
			case 'if': {
				for (const branch of command.branches) {
					if ((yield* this.list(branch.condition, script, io)) === 0) return yield* this.list(branch.body, script, io);
				}
				return command.otherwise ? yield* this.list(command.otherwise, script, io) : (this.status = 0);
			}
			case 'loop': {
				for (;;) {
					const status = yield* this.list(command.condition, script, io);
					if ((status === 0) === command.until) break;
					yield* this.list(command.body, script, io);
				}
				return (this.status = 0);
			}
			case 'for': {
				const items: string[] = [];
				for (const word of command.items) items.push(...(yield* this.expand(word, script)).split(/\s+/).filter(Boolean));
				for (const item of items) {
					this.vars.set(command.name, item);
					yield* this.list(command.body, script, io);
				}
				return this.status;
			}
			case 'simple': return yield* this.simple(command, script, io);
		}
	}

	private *expand(word: string, script: Script): Generator<Sleep, string, boolean | undefined> {
		let text = expandVariables(expandArithmetic(word, script.arithmetic, this.lookup), this.lookup);
		const substitutions = [...text.matchAll(substitutionPattern)];
		for (const match of substitutions) {
			let captured = '';
			const inner = parseScript(script.substitutions[Number(match[1])]!);
			yield* this.list(inner.list, inner, {out: t => void (captured += t), err: this.io.err});
			text = text.replace(match[0], captured.replace(/\n+$/, ''));
		}
		return text;
	}

	private redirect(io: IO, redirects: Redirect[], words: string[]): IO | string {
		let out = io.out;
		let err = io.err;
		let stdin = io.stdin;
		for (const [n, r] of redirects.entries()) {
			const target = words[n]!;
			if (r.op === '>&') {
				if (r.fd === 2 && target === '1') err = out;
				else if (r.fd === 1 && target === '2') out = err;
				continue;
			}
			if (r.op === '<') {
				const text = this.host.fs.read(target);
				if (typeof text !== 'string' || text === 'ENOENT' || text === 'EISDIR') return `${this.name}: can't open ${target}: no such file\n`;
				stdin = text;
				continue;
			}
			let sink: (text: string) => void;
			if (target === '/dev/null') sink = () => {};
			else if (target === '/dev/stdout') sink = io.out;
			else if (target === '/dev/stderr') sink = io.err;
			else {
				let append = r.op === '>>';
				const error = this.host.fs.write(target, '', append);
				if (error) return `${this.name}: can't create ${target}: ${error === 'EROFS' ? 'Read-only file system' : error === 'EISDIR' ? 'Is a directory' : 'nonexistent directory'}\n`;
				sink = text => {
					this.host.fs.write(target, text, append);
					append = true;
				};
			}
			if (r.fd === 2) err = sink;
			else out = sink;
		}
		return {out, err, ...(stdin !== undefined ? {stdin} : {})};
	}

	private *simple(command: Extract<Command, {type: 'simple'}>, script: Script, io: IO): Run {
		if (++this.steps % stepsPerSecond === 0) yield {ms: 1000};
		const words: string[] = [];
		for (const word of command.words) words.push(yield* this.expand(word, script));
		const assigned: Array<[string, string]> = [];
		for (const [name, value] of command.assigns) assigned.push([name, yield* this.expand(value, script)]);
		if (words.length === 0) {
			for (const [name, value] of assigned) this.vars.set(name, value);
			return (this.status = 0);
		}
		const targets: string[] = [];
		for (const r of command.redirects) targets.push(yield* this.expand(r.target, script));
		const redirected = this.redirect(io, command.redirects, targets);
		if (typeof redirected === 'string') {
			io.err(redirected);
			return (this.status = 1);
		}
		const [name, ...args] = words as [string, ...string[]];
		const status = yield* this.invoke(name, args, redirected, assigned);
		this.status = status;
		return status;
	}

	private *invoke(name: string, args: string[], io: IO, assigned: Array<[string, string]>): Run {
		switch (name) {
			case 'trap': {
				const [action, ...signals] = args;
				if (action === undefined) return 0;
				for (const signal of signals) {
					if (action === '-') this.traps.delete(signalName(signal));
					else this.traps.set(signalName(signal), action);
				}
				return 0;
			}
			case 'export':
				for (const arg of args) {
					const eq = arg.indexOf('=');
					if (eq > 0) this.vars.set(arg.slice(0, eq), arg.slice(eq + 1));
					this.exported.add(eq > 0 ? arg.slice(0, eq) : arg);
				}
				return 0;
			case 'unset':
				for (const arg of args) this.vars.delete(arg);
				return 0;
			case 'cd':
				return 0;
			case 'exec':
				return args.length ? yield* this.invoke(args[0]!, args.slice(1), io, assigned) : 0;
			case 'wait': {
				const left = this.backgroundUntil - this.host.now();
				if (left <= 0) return 0;
				const interrupted = yield {ms: left, interruptible: true};
				return interrupted ? 143 : 0;
			}
			case 'sh': case 'bash': case 'ash': case '/bin/sh': case '/bin/bash': {
				if (args[0] !== '-c') return 0; // an interactive shell without a terminal reads EOF and exits
				const inner = new Shell({...this.host, environment: () => [...this.host.environment(), ...assigned]}, io, name);
				return yield* inner.run(args[1] ?? '');
			}
		}
		const builtin = builtins[name.replace(/^\/(usr\/)?bin\//, '')];
		if (!builtin) {
			io.err(`${this.name}: ${name}: not found\n`);
			return 127;
		}
		const host: ShellHost = assigned.length || name === 'env'
			? {...this.host, environment: () => this.environment(assigned)}
			: this.host;
		return yield* builtin(args, io, host);
	}

	private environment(assigned: Array<[string, string]>): Array<[string, string]> {
		const env = new Map(this.host.environment());
		for (const name of this.exported) if (this.vars.has(name)) env.set(name, this.vars.get(name)!);
		for (const [k, v] of assigned) env.set(k, v);
		return [...env];
	}
}
