// Pod IPs from the node's pod CIDR (a /24): .1 is the bridge, pods get .2 to .254, reused after release.

export class PodIPAllocator {
	private prefix?: string;
	private readonly byPod = new Map<string, number>();
	private readonly used = new Set<number>();
	private next = 2;

	setCIDR(cidr: string): void {
		this.prefix = cidr.split('/')[0]!.split('.').slice(0, 3).join('.');
	}

	hasCIDR(): boolean {
		return this.prefix !== undefined;
	}

	allocate(pod: string): string | undefined {
		if (!this.prefix) return undefined;
		const existing = this.byPod.get(pod);
		if (existing !== undefined) return `${this.prefix}.${existing}`;
		for (let i = 0; i < 253; i++) {
			const host = 2 + ((this.next - 2 + i) % 253);
			if (this.used.has(host)) continue;
			this.used.add(host);
			this.byPod.set(pod, host);
			this.next = host + 1 > 254 ? 2 : host + 1;
			return `${this.prefix}.${host}`;
		}
		return undefined;
	}

	release(pod: string): void {
		const host = this.byPod.get(pod);
		if (host === undefined) return;
		this.byPod.delete(pod);
		this.used.delete(host);
	}
}
