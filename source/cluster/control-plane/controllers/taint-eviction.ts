// The taint eviction controller (pkg/controller/tainteviction): a pod on a node with NoExecute taints is deleted at
// once if it does not tolerate one of them, or after the shortest tolerationSeconds of the tolerations it uses (300 s
// from DefaultTolerationSeconds for not-ready and unreachable); a taint removed in time cancels the deletion.
import type {Node, Pod, Taint, Toleration} from '../../objects/types.js';
import {objectKey} from '../../objects/types.js';
import {Component, type ComponentContext} from '../../client/controller.js';
import {byNodeName, type Informer} from '../../client/informer.js';
import {isStatusError} from '../../api/index.js';
import {setCondition} from '../../objects/conditions.js';
import {toleratesTaint} from '../scheduler/plugins/taint-toleration.js';

interface ScheduledEviction {
	/** When the eviction was first scheduled (a later, shorter toleration counts from here). */
	createdAt: number;
	fireAt: number;
}

const noExecuteTaints = (node: Node | undefined): Taint[] => (node?.spec?.taints ?? []).filter(t => t.effect === 'NoExecute');
const taintsView = (node: Node | undefined) => noExecuteTaints(node).map(t => `${t.key}=${t.value ?? ''}`).sort().join(',');

/** getMinTolerationTime in ms: Infinity when every used toleration tolerates forever. */
function minTolerationMs(used: Toleration[]): number {
	let min = Infinity;
	for (const t of used) {
		if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
		if (t.tolerationSeconds <= 0) return 0;
		min = Math.min(min, t.tolerationSeconds * 1000);
	}
	return used.length === 0 ? 0 : min;
}

export class TaintEvictionController extends Component {
	private readonly pods: Informer<Pod>;
	private readonly nodes: Informer<Node>;
	private readonly scheduled = new Map<string, ScheduledEviction>();
	private nextFireAt = Infinity;

	constructor(ctx: ComponentContext) {
		super('taint-eviction-controller', 'system:serviceaccount:kube-system:taint-eviction-controller', ctx, {component: 'taint-eviction-controller'});
		this.pods = this.informer<Pod>('pods');
		this.pods.addIndex('node', byNodeName);
		this.nodes = this.informer<Node>('nodes');
		// Queued by "pod/KEY" or "node/NAME": a node whose NoExecute taints changed looks at all its pods.
		this.on(this.nodes, {
			add: node => this.queue.add(`node/${node.metadata!.name}`),
			update: (old, node) => {
				if (taintsView(old) !== taintsView(node)) this.queue.add(`node/${node.metadata!.name}`);
			},
		});
		this.on(this.pods, {
			add: pod => this.queue.add(`pod/${objectKey(pod)}`),
			update: (old, pod) => {
				if (old.spec?.nodeName !== pod.spec?.nodeName || JSON.stringify(old.spec?.tolerations) !== JSON.stringify(pod.spec?.tolerations)) this.queue.add(`pod/${objectKey(pod)}`);
			},
			delete: pod => this.scheduled.delete(objectKey(pod)),
		});
		this.pods.start();
		this.nodes.start();
	}

	/** A restarted controller schedules afresh: each pod's toleration counts from now, as upstream's new queue does. */
	override resume(): void {
		super.resume();
		this.scheduled.clear();
		this.nextFireAt = Infinity;
		for (const node of this.nodes.list()) if (noExecuteTaints(node).length) this.queue.add(`node/${node.metadata!.name}`);
	}

	protected override hasOtherWork(): boolean {
		return this.ctx.clock.now() >= this.nextFireAt;
	}

	protected sync(key: string): void {
		const now = this.ctx.clock.now();
		if (key.startsWith('node/')) {
			const name = key.slice(5);
			for (const pod of this.pods.byIndex('node', name)) this.processPod(pod, this.nodes.get(name), now);
			return;
		}
		const pod = this.pods.get(key.slice(4));
		if (pod?.spec?.nodeName) this.processPod(pod, this.nodes.get(pod.spec.nodeName), now);
	}

	/** processPodOnNode. */
	private processPod(pod: Pod, node: Node | undefined, now: number): void {
		const key = objectKey(pod);
		const taints = noExecuteTaints(node);
		if (taints.length === 0) return this.cancel(key);
		const tolerations = pod.spec?.tolerations ?? [];
		const used: Toleration[] = [];
		for (const taint of taints) {
			const toleration = tolerations.find(t => toleratesTaint(t, taint));
			if (!toleration) {
				// Not tolerated: evict now.
				return this.schedule(key, now, now);
			}
			used.push(toleration);
		}
		const wait = minTolerationMs(used);
		if (wait === Infinity) return this.cancel(key);
		const existing = this.scheduled.get(key);
		const createdAt = existing?.createdAt ?? now;
		if (existing && createdAt + wait >= existing.fireAt) return;
		this.schedule(key, createdAt, createdAt + wait);
	}

	private schedule(key: string, createdAt: number, fireAt: number): void {
		this.scheduled.set(key, {createdAt, fireAt});
		this.nextFireAt = Math.min(this.nextFireAt, fireAt);
	}

	private cancel(key: string): void {
		if (!this.scheduled.delete(key)) return;
		const pod = this.pods.get(key);
		if (pod) this.recorder.event(pod, 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
	}

	/** Deletions whose time has come, in the order they fall due. */
	protected override afterSync(): void {
		const now = this.ctx.clock.now();
		if (now < this.nextFireAt) return;
		const due = [...this.scheduled].filter(([, e]) => e.fireAt <= now).sort((a, b) => a[1].fireAt - b[1].fireAt || (a[0] < b[0] ? -1 : 1));
		for (const [key] of due) {
			this.scheduled.delete(key);
			const pod = this.pods.get(key);
			if (pod && !pod.metadata?.deletionTimestamp) this.evict(pod, key);
		}
		this.nextFireAt = Math.min(Infinity, ...[...this.scheduled.values()].map(e => e.fireAt));
	}

	private evict(pod: Pod, key: string): void {
		this.recorder.event(pod, 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
		const namespace = pod.metadata!.namespace;
		try {
			// The DisruptionTarget condition says why the pod goes, before it is deleted.
			const {resourceVersion: _, ...metadata} = pod.metadata!;
			const conditions = setCondition(pod.status?.conditions, {type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint'}, this.ctx.clock.timestamp());
			this.client.updateStatus('pods', {...pod, metadata, status: {...pod.status, conditions}}, {namespace, reason: 'NoExecute taint not tolerated any longer: DisruptionTarget'});
			this.client.delete('pods', pod.metadata!.name!, {namespace, preconditions: {uid: pod.metadata!.uid}, reason: 'taint-based eviction (NoExecute)'});
		} catch (error) {
			if (!isStatusError(error, 'NotFound') && !isStatusError(error, 'Conflict')) throw error;
		}
	}
}
