// intstr.GetScaledValueFromIntOrPercent: an int as is, a percentage of `total`, rounded up or down.

export function scaledValue(value: number | string | undefined, total: number, roundUp: boolean): number {
	if (value === undefined) return 0;
	if (typeof value === 'number') return value;
	const exact = (Number(value.replace('%', '')) * total) / 100;
	return roundUp ? Math.ceil(exact) : Math.floor(exact);
}

export const isPercent = (value: unknown): value is string => typeof value === 'string' && value.endsWith('%');
