// Resource quantities (k8s.io/apimachinery/pkg/api/resource): "100m", "2", "128Mi", "1G", "1e3".

const binary: Record<string, number> = {Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60};
const decimal: Record<string, number> = {n: 1e-9, u: 1e-6, m: 1e-3, '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18};
const pattern = /^([+-]?[0-9.]+)(?:([eE][+-]?[0-9]+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/;

/** The quantity's value as a plain number, or undefined when the text is not a quantity. */
export function parseQuantity(text: string | number | undefined): number | undefined {
	if (text === undefined) return undefined;
	if (typeof text === 'number') return text;
	const match = pattern.exec(text.trim());
	if (!match || match[1] === '.' || !/[0-9]/.test(match[1]!)) return undefined;
	const base = Number(match[1]);
	if (Number.isNaN(base)) return undefined;
	if (match[2]) return base * 10 ** Number(match[2].slice(1));
	const suffix = match[3] ?? '';
	return base * (binary[suffix] ?? decimal[suffix]!);
}

/** CPU in millicores, rounded up as the scheduler does. */
export function milliCPU(text: string | number | undefined): number {
	const value = parseQuantity(text);
	return value === undefined ? 0 : Math.ceil(Math.round(value * 1e9) / 1e6);
}

/** Memory (or any byte quantity) in bytes. */
export function bytes(text: string | number | undefined): number {
	const value = parseQuantity(text);
	return value === undefined ? 0 : Math.ceil(value);
}

export function formatMilliCPU(milli: number): string {
	return milli % 1000 === 0 ? `${milli / 1000}` : `${milli}m`;
}

/** Bytes as the largest exact binary suffix, like kubectl (e.g. 1536Mi, 4Gi). */
export function formatBytes(value: number): string {
	for (const suffix of ['Ei', 'Pi', 'Ti', 'Gi', 'Mi', 'Ki']) {
		const unit = binary[suffix]!;
		if (value >= unit && value % unit === 0) return `${value / unit}${suffix}`;
	}
	return `${value}`;
}
