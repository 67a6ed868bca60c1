// What every kubectl-style command returns, or throws.

export interface CommandResult {
	/** What kubectl would print. */
	message: string;
	/** A long-running command (drain) goes on after it returns: its id in Kubectl.operations(). */
	operation?: number;
}

/** A command that could not run: a usage error or the API server's error message. */
export class CommandError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'CommandError';
	}
}
