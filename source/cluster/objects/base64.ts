// Go's encoding/base64 StdEncoding decoder: the apiserver decodes the []byte fields of Secrets and ConfigMaps
// (data, binaryData) with it, so a bad value is refused with Go's offset: `illegal base64 data at input byte 4`.
// Padding is required, line breaks are skipped, trailing bits are ignored (StdEncoding is not strict).

const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const decodeMap = new Int16Array(256).fill(-1);
for (let i = 0; i < alphabet.length; i++) decodeMap[alphabet.charCodeAt(i)] = i;

const pad = 0x3d; // '='
const isNewline = (c: number | undefined) => c === 0x0a || c === 0x0d;

/** base64.CorruptInputError: the byte offset of the first bad input byte. */
export class CorruptInputError extends Error {
	constructor(readonly offset: number) {
		super(`illegal base64 data at input byte ${offset}`);
		this.name = 'CorruptInputError';
	}
}

/** The bytes a base64 text stands for; throws CorruptInputError where Go's decoder would fail. */
export function decodeBase64(text: string): Uint8Array {
	const src = Buffer.from(text, 'utf8');
	const out: number[] = [];
	let si = 0;
	// One quantum (4 symbols -> 3 bytes) per turn, as decodeQuantum in encoding/base64.
	while (si < src.length) {
		const dbuf = [0, 0, 0, 0];
		let dlen = 4;
		let trailing: number | undefined;
		for (let j = 0; j < 4; j++) {
			if (si === src.length) {
				if (j === 0) return Uint8Array.from(out);
				throw new CorruptInputError(si - j);
			}
			const c = src[si++]!;
			if (decodeMap[c]! >= 0) {
				dbuf[j] = decodeMap[c]!;
				continue;
			}
			if (isNewline(c)) {
				j--;
				continue;
			}
			if (c !== pad) throw new CorruptInputError(si - 1);
			// Padding: only after two or three symbols, and "==" after two.
			if (j < 2) throw new CorruptInputError(si - 1);
			if (j === 2) {
				while (si < src.length && isNewline(src[si])) si++;
				if (si === src.length) throw new CorruptInputError(src.length);
				if (src[si] !== pad) throw new CorruptInputError(si - 1);
				si++;
			}
			while (si < src.length && isNewline(src[si])) si++;
			if (si < src.length) trailing = si;
			dlen = j;
			break;
		}
		const value = (dbuf[0]! << 18) | (dbuf[1]! << 12) | (dbuf[2]! << 6) | dbuf[3]!;
		const bytes = [(value >> 16) & 0xff, (value >> 8) & 0xff, value & 0xff];
		out.push(...bytes.slice(0, dlen - 1));
		if (trailing !== undefined) throw new CorruptInputError(trailing);
	}
	return Uint8Array.from(out);
}

/** Go's base64.StdEncoding.EncodeToString: how the apiserver writes []byte fields back. */
export function encodeBase64(bytes: Uint8Array): string {
	return Buffer.from(bytes).toString('base64');
}
