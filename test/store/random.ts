// Deterministic pseudo-random numbers for tests (mulberry32); the project bans Math.random.
export function seededRandom(seed: number): (n: number) => number {
	let state = seed >>> 0;
	return (n: number) => {
		state = (state + 0x6D_2B_79_F5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return (((t ^ (t >>> 14)) >>> 0) % n);
	};
}
