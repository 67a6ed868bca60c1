// Stable stand-ins for what a runtime reports: digests and IDs that look real and never change between
// runs, and Go's duration text for the kubelet's messages.

/** A stable fake sha256-like hex digest of a text. */
export function fakeDigest(text: string): string {
	let out = '';
	let h = 0x811c9dc5;
	for (let round = 0; out.length < 64; round++) {
		for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
		h = Math.imul(h ^ round, 0x01000193) >>> 0;
		out += h.toString(16).padStart(8, '0');
	}
	return out.slice(0, 64);
}

/** Go's time.Duration text after Truncate(ms): 850ms, 2s, 2.412s. */
export function goDuration(ms: number): string {
	if (ms < 1000) return `${Math.round(ms)}ms`;
	return `${Number((ms / 1000).toFixed(3))}s`;
}
