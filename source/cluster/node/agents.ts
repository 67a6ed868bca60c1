// The machines behind the nodes: a kubelet and a kube-proxy start for every Node object that appears and stop when it
// goes, as if each node were a host that boots and joins the cluster.
import type {ComponentContext} from '../client/controller.js';
import type {Node} from '../objects/types.js';
import {Kubelet} from './kubelet.js';
import {KubeProxy} from './kube-proxy.js';

export class NodeAgents {
	private readonly agents = new Map<string, Kubelet>();
	private readonly proxies = new Map<string, KubeProxy>();
	private readonly added: string[] = [];
	private readonly removed: string[] = [];
	private ordered: Kubelet[] = [];
	private running: Array<Kubelet | KubeProxy> = [];
	private hosts = 0;

	constructor(private readonly ctx: ComponentContext) {
		// The hosts behind the nodes: told when a Node appears or goes (no component of the cluster; reads only).
		ctx.clientFor('system:node-hosts').watch('nodes', {}, event => {
			const name = (event.object as Node).metadata!.name!;
			if (event.type === 'ADDED') this.added.push(name);
			if (event.type === 'DELETED') this.removed.push(name);
		});
	}

	/** Start kubelets for new nodes and stop those of deleted ones (called at the start of a tick). */
	sync(): void {
		if (this.added.length === 0 && this.removed.length === 0) return;
		for (const name of this.removed.splice(0)) {
			const kubelet = this.agents.get(name);
			kubelet?.shutdown();
			this.agents.delete(name);
			this.proxies.get(name)?.stop();
			this.proxies.delete(name);
		}
		for (const name of this.added.splice(0)) {
			if (this.agents.has(name)) continue;
			this.hosts++;
			// Host addresses in the order nodes joined: 172.18.0.2, .3, ... like a kind cluster's.
			const hostIP = `172.18.${Math.floor((this.hosts + 1) / 256)}.${(this.hosts + 1) % 256}`;
			this.agents.set(name, new Kubelet(name, hostIP, this.ctx));
			this.proxies.set(name, new KubeProxy(name, this.ctx));
		}
		this.ordered = [...this.agents.values()].sort((a, b) => (a.nodeName < b.nodeName ? -1 : 1));
		this.running = this.ordered.flatMap(kubelet => [kubelet, this.proxies.get(kubelet.nodeName)!]);
	}

	kubelets(): readonly Kubelet[] {
		return this.ordered;
	}

	/** Every node agent in tick order, node by node in name order: the kubelet, then kube-proxy. */
	runningAgents(): ReadonlyArray<Kubelet | KubeProxy> {
		return this.running;
	}

	kubeProxy(name: string): KubeProxy | undefined {
		return this.proxies.get(name);
	}

	get(name: string): Kubelet | undefined {
		return this.agents.get(name);
	}

	/** The kubelet of a node, or an error naming the node. */
	private kubelet(name: string): Kubelet {
		const kubelet = this.agents.get(name);
		if (!kubelet) throw new Error(`node "${name}" has no kubelet: no such node${this.agents.size ? ` (nodes: ${[...this.agents.keys()].sort().join(', ')})` : ''}`);
		return kubelet;
	}

	/**
	 * Stop the kubelet process (`stop kubelet/NODE`): it posts nothing more, and as upstream its containers keep
	 * running; the node lifecycle controller notices the silence. Returns false when it was already stopped.
	 */
	stopKubelet(name: string): boolean {
		const kubelet = this.kubelet(name);
		if (kubelet.stopped) return false;
		kubelet.pause();
		return true;
	}

	/** Start it again: it registers, posts status and reports its pods afresh. False when it was running. */
	startKubelet(name: string): boolean {
		const kubelet = this.kubelet(name);
		if (!kubelet.stopped) return false;
		kubelet.resume();
		return true;
	}

	/** Cut the node off from the API server (`partition NODE`): the kubelet runs on but cannot read or write. */
	partition(name: string): boolean {
		const kubelet = this.kubelet(name);
		if (kubelet.partitioned) return false;
		kubelet.partitioned = true;
		// kube-proxy on the node cannot reach the API server either: its rules go stale.
		this.proxies.get(name)?.pause();
		return true;
	}

	/** Reconnect it (`heal NODE`): it reports node and pod status again. */
	heal(name: string): boolean {
		const kubelet = this.kubelet(name);
		if (!kubelet.partitioned) return false;
		kubelet.partitioned = false;
		kubelet.resync();
		this.proxies.get(name)?.resume();
		return true;
	}
}
