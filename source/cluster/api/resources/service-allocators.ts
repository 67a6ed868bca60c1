// The Service storage's allocators (pkg/registry/core/service/ipallocator and portallocator): ClusterIPs from the
// service CIDR 10.96.0.0/12 and NodePorts from 30000-32767, each a bitmap with a random scan as upstream's
// randomScanStrategyWithOffset: dynamic allocations draw from the upper band first (the cluster's seeded generator,
// so the same seed gives the same IPs), leaving the lower band (`offset`) for addresses users ask for by hand,
// like 10.96.0.10 for kube-dns.
import type {Service} from '../../objects/types.js';
import type {Allocator, AllocatorContext} from '../resource.js';
import type {Random} from '../../sim/random.js';
import {goStrings, invalid, type FieldError} from '../errors.js';

export const serviceCIDR = '10.96.0.0/12';
export const nodePortRange = {base: 30000, size: 2768};

/** A range of `size` values of which `used` are taken; `offset` is the static band's size. */
export class RangeBitmap {
	private readonly used = new Set<number>();
	constructor(readonly size: number, readonly offset: number) {}

	has(i: number): boolean {
		return this.used.has(i);
	}

	claim(i: number): boolean {
		if (this.used.has(i)) return false;
		this.used.add(i);
		return true;
	}

	release(i: number): void {
		this.used.delete(i);
	}

	/** A free value: random in the upper band, then the lower; without a generator (dry run), the first free one. */
	next(random: Random | undefined): number | undefined {
		const upper = this.size - this.offset;
		const start = random ? random.int(0, upper - 1) : 0;
		for (let i = 0; i < upper; i++) {
			const at = this.offset + ((start + i) % upper);
			if (!this.used.has(at)) return at;
		}
		const low = random && this.offset > 0 ? random.int(0, this.offset - 1) : 0;
		for (let i = 0; i < this.offset; i++) {
			const at = (low + i) % this.offset;
			if (!this.used.has(at)) return at;
		}
		return undefined;
	}
}

/** calculateRangeOffset: the static band, size/step bounded by [min, max]. */
const rangeOffset = (size: number, min: number, max: number, step: number) => Math.min(Math.max(min, Math.floor(size / step)), max);

const ipv4 = /^(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)(\.(25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)){3}$/;
export const parseIPv4 = (ip: string): number | undefined =>
	ipv4.test(ip) ? ip.split('.').reduce((n, part) => n * 256 + Number(part), 0) : undefined;
export const formatIPv4 = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');

const cidrBase = parseIPv4('10.96.0.0')!;
/** Addresses of the /12 without its network and broadcast addresses. */
const cidrSize = 2 ** 20 - 2;
const ipIndex = (ip: number) => ip - cidrBase - 1;

const needsClusterIP = (svc: Service) => svc.spec?.type !== 'ExternalName' && svc.spec?.clusterIP !== 'None';
const needsNodePorts = (svc: Service) => svc.spec?.type === 'NodePort' || (svc.spec?.type === 'LoadBalancer' && svc.spec.allocateLoadBalancerNodePorts !== false);

/** What a Service holds: its ClusterIP (as an index) and NodePorts. */
function claims(svc: Service): {ip?: number; ports: number[]} {
	const ip = needsClusterIP(svc) && svc.spec?.clusterIP ? parseIPv4(svc.spec.clusterIP) : undefined;
	const ports = needsNodePorts(svc) ? (svc.spec?.ports ?? []).map(p => p.nodePort).filter((p): p is number => !!p) : [];
	return {ip: ip === undefined ? undefined : ipIndex(ip), ports};
}

export function serviceAllocator(ctx: AllocatorContext): Allocator<Service> {
	const ips = new RangeBitmap(cidrSize, rangeOffset(cidrSize, 16, 256, 16));
	const ports = new RangeBitmap(nodePortRange.size, rangeOffset(nodePortRange.size, 16, 128, 32));
	return {
		restore(svc) {
			const held = claims(svc);
			if (held.ip !== undefined && held.ip >= 0 && held.ip < cidrSize) ips.claim(held.ip);
			for (const port of held.ports) ports.claim(port - nodePortRange.base);
		},
		allocate(svc, old, dryRun) {
			const spec = (svc.spec ??= {});
			const random = dryRun ? undefined : ctx.random;
			const taken: Array<() => void> = [];
			const undo = () => {
				for (const release of taken.splice(0)) release();
			};
			const errors: FieldError[] = [];
			const claimIn = (bitmap: RangeBitmap, i: number) => {
				if (dryRun) return !bitmap.has(i);
				if (!bitmap.claim(i)) return false;
				taken.push(() => bitmap.release(i));
				return true;
			};
			// patchAllocatedValues: an update that leaves out what was allocated keeps it.
			if (old && needsClusterIP(old) && needsClusterIP(svc) && !spec.clusterIP && old.spec?.clusterIP) {
				spec.clusterIP = old.spec.clusterIP;
				spec.clusterIPs = [...(old.spec.clusterIPs ?? [old.spec.clusterIP])];
			}
			if (old && needsNodePorts(old) && needsNodePorts(svc)) {
				for (const port of spec.ports ?? []) {
					if (port.nodePort) continue;
					const was = old.spec?.ports?.find(p => p.port === port.port && (p.protocol ?? 'TCP') === (port.protocol ?? 'TCP'));
					if (was?.nodePort) port.nodePort = was.nodePort;
				}
			}
			const oldHeld = old ? claims(old) : {ip: undefined, ports: []};
			if (needsClusterIP(svc)) {
				const wanted = spec.clusterIP;
				if (!wanted) {
					const at = ips.next(random);
					if (at === undefined) {
						undo();
						throw invalid('Service', '', svc.metadata?.name ?? '', [{type: 'Invalid', field: 'spec.clusterIPs', value: goStrings([]), detail: 'failed to allocate a serviceIP: range is full'}]);
					}
					if (!dryRun) claimIn(ips, at);
					spec.clusterIP = formatIPv4(cidrBase + 1 + at);
					spec.clusterIPs = [spec.clusterIP];
				} else {
					const ip = parseIPv4(wanted);
					const at = ip === undefined ? undefined : ipIndex(ip);
					const fail = (why: string) => errors.push({type: 'Invalid', field: 'spec.clusterIPs', value: goStrings(spec.clusterIPs ?? [wanted]), detail: `failed to allocate IP ${wanted}: ${why}`});
					if (ip === undefined) errors.push({type: 'Invalid', field: 'spec.clusterIPs[0]', value: wanted, detail: 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)'});
					else if (at! < 0 || at! >= cidrSize) fail(`the provided IP (${wanted}) is not in the valid range. The range of valid IPs is ${serviceCIDR}`);
					else if (oldHeld.ip !== at && !claimIn(ips, at!)) fail('provided IP is already allocated');
				}
			}
			if (needsNodePorts(svc)) {
				for (const [i, port] of (spec.ports ?? []).entries()) {
					if (port.nodePort) {
						const at = port.nodePort - nodePortRange.base;
						const field = `spec.ports[${i}].nodePort`;
						if (at < 0 || at >= nodePortRange.size) {
							errors.push({type: 'Invalid', field, value: port.nodePort, detail: `provided port is not in the valid range. The range of valid ports is ${nodePortRange.base}-${nodePortRange.base + nodePortRange.size - 1}`});
						} else if (!oldHeld.ports.includes(port.nodePort) && !claimIn(ports, at)) {
							errors.push({type: 'Invalid', field, value: port.nodePort, detail: 'provided port is already allocated'});
						}
						continue;
					}
					const at = ports.next(random);
					if (at === undefined) {
						errors.push({type: 'Invalid', field: `spec.ports[${i}].nodePort`, value: 0, detail: 'failed to allocate a nodePort: range is full'});
						continue;
					}
					claimIn(ports, at);
					port.nodePort = nodePortRange.base + at;
				}
			}
			if (errors.length) {
				undo();
				throw invalid('Service', '', svc.metadata?.name ?? '', errors);
			}
			return undo;
		},
		release(old, next) {
			const was = claims(old);
			const now = next ? claims(next) : {ip: undefined, ports: []};
			if (was.ip !== undefined && was.ip !== now.ip) ips.release(was.ip);
			for (const port of was.ports) if (!now.ports.includes(port)) ports.release(port - nodePortRange.base);
		},
	};
}
