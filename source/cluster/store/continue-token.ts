// Range continue tokens carry the read revision as well as the last key, like the
// apiserver's, so every page of a paginated list reads the same snapshot.
import {Buffer} from 'node:buffer';

export type ContinueToken = {
	/** Revision the first page was read at. */
	revision: number;
	/** Last key returned; the next page starts strictly after it. */
	lastKey: string;
};

export function encodeContinue(token: ContinueToken): string {
	return Buffer.from(JSON.stringify({rv: token.revision, start: token.lastKey})).toString('base64url');
}

export function decodeContinue(encoded: string): ContinueToken {
	let parsed: unknown;
	try {
		parsed = JSON.parse(Buffer.from(encoded, 'base64url').toString('utf8'));
	} catch {
		parsed = undefined;
	}

	if (typeof parsed === 'object' && parsed !== null) {
		const {rv, start} = parsed as {rv?: unknown; start?: unknown};
		if (typeof rv === 'number' && Number.isSafeInteger(rv) && rv > 0 && typeof start === 'string') {
			return {revision: rv, lastKey: start};
		}
	}

	throw new Error(`invalid continue token: ${JSON.stringify(encoded)}`);
}
