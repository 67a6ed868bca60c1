// The one seeded random generator every random choice in the cluster comes from (names, uids, jitter),
// so the same seed and the same actions give the same cluster, byte for byte.
import {xoroshiro128plus, unsafeUniformIntDistribution, type RandomGenerator} from 'pure-rand';

// k8s.io/apimachinery/pkg/util/rand: no vowels (no words) and no confusable characters.
const alphanums = 'bcdfghjklmnpqrstvwxz2456789';
const hex = '0123456789abcdef';

/** Seeds are 32-bit. */
export const maxSeed = 2 ** 32 - 1;

export class Random {
	private readonly rng: RandomGenerator;

	constructor(readonly seed: number) {
		// The generator takes 32 bits: a larger seed would silently alias a smaller one, so it is refused.
		if (!Number.isInteger(seed) || seed < 0 || seed > maxSeed) throw new RangeError(`seed ${seed} is out of range: expected an integer from 0 to ${maxSeed}`);
		this.rng = xoroshiro128plus(seed | 0);
	}

	/** Integer in [from, to]. */
	int(from: number, to: number): number {
		return unsafeUniformIntDistribution(from, to, this.rng);
	}

	/** utilrand.String(n): the suffix of generateName and of pod names. */
	string(length: number): string {
		let out = '';
		for (let i = 0; i < length; i++) out += alphanums[this.int(0, alphanums.length - 1)];
		return out;
	}

	/** A version-4 UUID, like metadata.uid. */
	uuid(): string {
		let out = '';
		for (let i = 0; i < 32; i++) {
			let digit = this.int(0, 15);
			if (i === 12) digit = 4;
			if (i === 16) digit = 8 | (digit & 3);
			out += hex[digit];
			if (i === 7 || i === 11 || i === 15 || i === 19) out += '-';
		}
		return out;
	}
}

/** rand.SafeEncodeString: maps each byte to an alphanumeric, as ComputeHash does for pod-template-hash. */
export function safeEncodeString(text: string): string {
	let out = '';
	for (let i = 0; i < text.length; i++) out += alphanums[text.charCodeAt(i) % alphanums.length];
	return out;
}
