// Container logs as the runtime keeps them: a bounded buffer of lines per container instance, and the
// previous instance's lines (what `kubectl logs --previous` shows after a restart).

/** Lines kept per container instance; older lines are dropped first, as log rotation would. */
export const maxLogLines = 1000;

export interface LogLine {
	at: number;
	text: string;
}

export class ContainerLog {
	private lines: LogLine[] = [];
	private partial = '';
	previous?: LogLine[];

	/** Text written by the process (may hold several lines, or part of one). */
	write(text: string, at: number): void {
		const parts = (this.partial + text).split('\n');
		this.partial = parts.pop()!;
		for (const line of parts) this.push(line, at);
	}

	private push(text: string, at: number): void {
		this.lines.push({at, text});
		if (this.lines.length > maxLogLines) this.lines.splice(0, this.lines.length - maxLogLines);
	}

	/** A new instance starts: this one's lines become the previous ones. */
	rotate(at: number): void {
		if (this.partial) this.push(this.partial, at);
		this.partial = '';
		this.previous = this.lines;
		this.lines = [];
	}

	current(): LogLine[] {
		return this.partial ? [...this.lines, {at: 0, text: this.partial}] : this.lines;
	}
}
