// The cluster's public facade: the only module the UI and the command line import from source/cluster.
import {Store} from './store/index.js';
import {ApiServer, ApiClient, Trace} from './api/index.js';
import type {KubeObject} from './objects/types.js';
import {Clock} from './sim/clock.js';
import {Random} from './sim/random.js';
import {TickEngine} from './sim/tick-engine.js';
import type {Component, ComponentContext, ComponentStatus} from './client/controller.js';
import {SharedInformerFactory} from './client/informer-factory.js';
import {controlPlane, Scheduler} from './control-plane/index.js';
import {ClusterInspector} from './inspect/index.js';
import {SimulatedCloud, CloudOperations, cloudControllerManager, type CloudSpec} from './control-plane/cloud/index.js';
import {NodeAgents} from './node/agents.js';
import type {ProxyTable} from './node/kube-proxy.js';
import {clusterDNS, type ServiceResolver} from './node/cluster-dns.js';
import {Kubectl, type CommandResult, type FaultControl, type OperationStatus} from './kubectl/index.js';
import {readLogs, type LogOptions, type LogSource} from './kubectl/logs.js';
import {Processes} from './control-plane/processes.js';
import {systemPriorityClasses} from './api/resources/priorityclasses.js';
import {bootstrapServices} from './api/bootstrap-services.js';
export {readManifests, CommandError} from './kubectl/index.js';
export {printTable, formatTable, qualifiedKind, type PrintOptions} from './kubectl/printer.js';
export {describeObject} from './kubectl/describe.js';
export {lastSeen, involvedObject} from './api/resources/events.js';

export interface ClusterOptions {
	/** Shown in the header; default "kubetui". */
	name?: string;
	/** Seed of the one random generator (names, uids). Default 1. */
	seed?: number;
	/** Simulated seconds per tick. Default 1. */
	tickSeconds?: number;
	/** kube-apiserver --event-ttl: Events go this many simulated seconds after their last write. Default 3600. */
	eventTTLSeconds?: number;
	/** History the store keeps behind now (simulated seconds) when it compacts every 5 minutes. Default 600. */
	historyWindowSeconds?: number;
	/** The simulated cloud behind the nodes (as a fixture's `kind: CloudProvider` declares it). */
	cloud?: CloudSpec;
}

export interface Cluster {
	readonly name: string;
	readonly seed: number;
	readonly clock: Clock;
	readonly api: ApiServer;
	readonly trace: Trace;
	/** The user's client (kubectl's identity), for reads and for writes made on the user's behalf. */
	readonly client: ApiClient;
	/** A client acting as another identity (tests, tools): its writes are traced under that name. */
	clientFor(identity: string): ApiClient;
	/** kubectl-style commands: `scale deployment/web --replicas=5`, `cordon node-1`, `apply -f FILE`. */
	readonly kubectl: Kubectl;
	/** Advance the cluster `ticks` ticks (default 1): each is one round of every component. */
	step(ticks?: number): void;
	/**
	 * One tick in phases: each next() runs the next phase, and subscribers are notified when the last one ends.
	 * The same work as step(1); a caller that pauses between phases must not run commands until it is done.
	 */
	stepInPhases(): Generator<void, void, void>;
	/** Run one kubectl-style command line now. Throws an Error with the API's message when it fails. */
	run(command: string): CommandResult;
	/** A container's log lines, as `kubectl logs` prints them (throws CommandError with kubectl's message). */
	logs(namespace: string, pod: string, options?: LogOptions): string[];
	/** Stop and start kubelets, partition nodes, stop control-plane processes (what the fault commands use). */
	readonly faults: FaultControl;
	/** Long-running commands (drain): their output lines so far and their phase; advanced after every tick. */
	operations(): OperationStatus[];
	/** Control-plane components and kubelets with their loop state, in tick order. */
	components(): ComponentStatus[];
	/** Read-only: a tick's writes by component, the scheduler's last cycle for a pod, the control plane's state. */
	readonly inspect: ClusterInspector;
	/** A node's kube-proxy rule table (undefined: no such node). */
	proxyRules(node: string): ProxyTable | undefined;
	/** The simulated cloud: region, zones, instances, load balancers (unconfigured: no cloud). */
	readonly cloud: SimulatedCloud;
	/** Cluster DNS: a Service name as a pod in `podNamespace` would look it up. */
	readonly dns: ServiceResolver;
	/** Called after every step and every command that changed something. */
	subscribe(listener: () => void): () => void;
	/** Tell subscribers something changed (commands call this). */
	notify(): void;
}

/** The namespaces every new cluster has, as a real one does. */
const initialNamespaces = ['default', 'kube-node-lease', 'kube-public', 'kube-system'];

export function createCluster(options: ClusterOptions = {}): Cluster {
	const seed = options.seed ?? 1;
	const clock = new Clock(options.tickSeconds ?? 1);
	const random = new Random(seed);
	const trace = new Trace();
	const store = new Store<KubeObject>();
	const api = new ApiServer({store, clock, random, trace, eventTTLSeconds: options.eventTTLSeconds, historyWindowSeconds: options.historyWindowSeconds});
	const clientFor = (identity: string) => new ApiClient(api, identity);
	// One set of shared informers for the control plane's components (one process here, as in a single binary).
	const informers = new SharedInformerFactory(clientFor('system:kube-controller-manager'));
	const ctx: ComponentContext = {clientFor, clock, random, informers};

	const system = clientFor('system:apiserver');
	for (const name of initialNamespaces) {
		system.create('namespaces', {apiVersion: 'v1', kind: 'Namespace', metadata: {name}}, {reason: 'bootstrap namespace'});
	}
	// The apiserver's post-start hook bootstrap-system-priority-classes.
	for (const pc of systemPriorityClasses) system.create('priorityclasses', pc, {reason: 'bootstrap system priority class'});
	// A real cluster's controller manager gives these namespaces their `default` ServiceAccount before anyone
	// can send a pod; here fixtures and tests create pods before tick 1, so bootstrap does it, as its identity.
	const serviceAccounts = clientFor('system:serviceaccount:kube-system:service-account-controller');
	for (const namespace of initialNamespaces) {
		serviceAccounts.create('serviceaccounts', {apiVersion: 'v1', kind: 'ServiceAccount', metadata: {name: 'default', namespace}}, {namespace, reason: 'bootstrap: default service account'});
	}

	bootstrapServices(system);

	const cloud = new SimulatedCloud(random);
	const controllers: Component[] = controlPlane(ctx);
	// The cloud-controller-manager runs only in a cluster with a cloud: it starts when one is first configured.
	cloud.onConfigured(() => controllers.push(...cloudControllerManager(ctx, cloud)));
	const nodes = new NodeAgents(ctx);
	const engine = new TickEngine(clock, informers, () => [...controllers, ...nodes.runningAgents()], () => {
		api.maintain();
		nodes.sync();
	});
	const dns = clusterDNS(clientFor('system:serviceaccount:kube-system:coredns'));
	const listeners = new Set<() => void>();
	const client = clientFor('kubernetes-admin');
	const logSource: LogSource = (node, namespace, pod, container, previous) =>
		nodes.get(node)?.logs(namespace, pod, container, previous) ?? `container "${container}" in pod "${pod}" is waiting to start: ContainerCreating`;
	const processes = new Processes(() => controllers);
	const faults: FaultControl = {
		stopKubelet: name => nodes.stopKubelet(name),
		startKubelet: name => nodes.startKubelet(name),
		partition: name => nodes.partition(name),
		heal: name => nodes.heal(name),
		stopProcess: name => processes.stop(name),
		startProcess: name => processes.start(name),
	};
	const cloudOperations = new CloudOperations(cloud, clientFor, nodes);
	const kubectl = new Kubectl(client, () => clock.now(), logSource, faults, {
		kubeProxy: name => nodes.kubeProxy(name),
		pick: n => random.int(0, n - 1),
		reachable: name => cloud.reachable(name),
		cloud: cloudOperations,
	});
	if (options.cloud) cloud.configure(options.cloud);
	const components = () => [...controllers, ...nodes.runningAgents()].map(c => c.status());
	const scheduler = controllers.find((c): c is Scheduler => c instanceof Scheduler);
	const inspect = new ClusterInspector({store, api, trace, clock, scheduler, components});

	const cluster: Cluster = {
		name: options.name ?? 'kubetui',
		seed, clock, api, trace, client, kubectl, clientFor, faults, inspect,
		step(ticks = 1) {
			for (let i = 0; i < ticks; i++) {
				engine.tick();
				kubectl.advance();
			}
			cluster.notify();
		},
		*stepInPhases() {
			yield* engine.phases();
			cluster.notify();
		},
		run(command) {
			const result = kubectl.run(command);
			cluster.notify();
			return result;
		},
		logs(namespace, pod, options = {}) {
			return readLogs(client, logSource, namespace, pod, options);
		},
		operations() {
			return kubectl.operations();
		},
		components,
		proxyRules: node => nodes.kubeProxy(node)?.rules(),
		dns,
		cloud,
		subscribe(listener) {
			listeners.add(listener);
			return () => listeners.delete(listener);
		},
		notify() {
			for (const listener of listeners) listener();
		},
	};
	return cluster;
}

export type {ApiClient, CommandResult, ComponentStatus, FaultControl, LogOptions, OperationStatus, ClusterInspector, ProxyTable, ServiceResolver, CloudSpec};
export {componentName} from './inspect/index.js';
export type {TickTrace, TraceGroup, TraceLine, TraceObjectRef, WhyReport, WhyRow, FilterVerdict, ScoreCell, ControlPlaneState, LoopState} from './inspect/index.js';
export type {ProxyRule, ProxyEndpoint} from './node/kube-proxy.js';
export {StatusError, isStatusError, lookupResource, resources, formatTraceEntry, type TraceEntry, type WatchEvent, type ResourceDescriptor, type PrinterColumn} from './api/index.js';
export * from './objects/types.js';
export {summarizePod, isPodReady, type PodSummary} from './objects/pod-status.js';
export {podRequests} from './control-plane/scheduler/framework.js';
export {nodeStatus, nodeRoles, isNodeReady} from './objects/node-status.js';
export {age, humanDuration} from './objects/duration.js';
export {milliCPU, bytes, formatMilliCPU, formatBytes} from './objects/quantity.js';
export {parseSelector, formatLabels, fromLabelSelector} from './objects/labels.js';
export {loadManifests, ManifestError, type Manifest} from './kubectl/manifests.js';
