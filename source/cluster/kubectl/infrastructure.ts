// What kubectl-style commands beyond kubectl's own reach outside the API: the nodes' kube-proxy tables (for
// `request`), the cluster's seeded generator, and the simulated cloud (for `add node`, `terminate`, `fail zone`).
// Declared here, implemented by the cluster (index.ts), so kubectl/ depends on no component.
import type {ProxyRule, ProxyTable} from '../node/kube-proxy.js';

export interface ProxyView {
	rules(): ProxyTable;
	ruleFor(clusterIP: string, port: number, protocol?: string): ProxyRule | undefined;
	stickyEndpoint(rule: ProxyRule, clientIP: string, now: number): string | undefined;
	stick(rule: ProxyRule, clientIP: string, endpoint: string, until: number): void;
}

export interface CloudCommands {
	configure(doc: unknown, dryRun?: boolean): void;
	addNodes(type: string, zone: string, count: number): string[];
	terminate(node: string): string;
	failZone(zone: string): string[];
	restoreZone(zone: string): string[];
}

export interface Infrastructure {
	kubeProxy(node: string): ProxyView | undefined;
	/** A random integer in [0, n) from the cluster's seeded generator. */
	pick(n: number): number;
	/** Whether packets reach a node's host (false: its instance is gone or its zone is down). */
	reachable(node: string): boolean;
	cloud: CloudCommands;
}
