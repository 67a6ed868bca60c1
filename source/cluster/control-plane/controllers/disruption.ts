// The disruption controller (pkg/controller/disruption): keeps each PodDisruptionBudget's status, so pods/eviction
// knows how many pods may go. expectedPods is the pods' count (minAvailable as a number) or their controllers' scale
// (a percentage, or maxUnavailable); desiredHealthy follows from it; currentHealthy counts ready pods that are not
// being deleted nor recently evicted; disruptionsAllowed = currentHealthy - desiredHealthy, never below 0.
import type {Deployment, KubeObject, Pod, PodDisruptionBudget, ReplicaSet} from '../../objects/types.js';
import {objectKey} from '../../objects/types.js';
import {Component, type ComponentContext} from '../../client/controller.js';
import type {Informer} from '../../client/informer.js';
import {isStatusError} from '../../api/index.js';
import {fromLabelSelector} from '../../objects/labels.js';
import {isPodReady} from '../../objects/pod-status.js';
import {setCondition} from '../../objects/conditions.js';
import {isPercent, scaledValue} from '../../objects/int-or-percent.js';
import {deepEqual} from '../../objects/clone.js';

/** DeletionTimeout: an evicted pod not deleted within 2 minutes counts again. */
const deletionTimeoutMs = 120_000;
const byNamespace = (obj: KubeObject) => (obj.metadata?.namespace ? [obj.metadata.namespace] : []);
type Status = NonNullable<PodDisruptionBudget['status']>;

export class DisruptionController extends Component {
	private readonly pdbs: Informer<PodDisruptionBudget>;
	private readonly pods: Informer<Pod>;
	private readonly replicaSets: Informer<ReplicaSet>;
	private readonly deployments: Informer<Deployment>;

	constructor(ctx: ComponentContext) {
		super('disruption-controller', 'system:serviceaccount:kube-system:disruption-controller', ctx, {component: 'controllermanager'});
		this.pdbs = this.informer<PodDisruptionBudget>('poddisruptionbudgets');
		this.pdbs.addIndex('namespace', byNamespace);
		this.pods = this.informer<Pod>('pods');
		this.pods.addIndex('namespace', byNamespace);
		this.replicaSets = this.informer<ReplicaSet>('replicasets');
		this.deployments = this.informer<Deployment>('deployments');
		const enqueue = (pdb: PodDisruptionBudget) => this.queue.add(objectKey(pdb));
		this.on(this.pdbs, {add: enqueue, update: (_, pdb) => enqueue(pdb)});
		// A pod's change matters to the budgets that select it (before or after the change).
		const forPod = (pod: Pod) => {
			for (const pdb of this.pdbs.byIndex('namespace', pod.metadata!.namespace!)) {
				if (fromLabelSelector(pdb.spec?.selector).matches(pod.metadata?.labels ?? {})) enqueue(pdb);
			}
		};
		this.on(this.pods, {add: forPod, update: (old, pod) => {
			forPod(pod);
			if (!deepEqual(old.metadata?.labels, pod.metadata?.labels)) forPod(old);
		}, delete: forPod});
		// A controller's scale is the expected count of percentage budgets.
		const forScale = (obj: ReplicaSet | Deployment, old?: ReplicaSet | Deployment) => {
			if (old && old.spec?.replicas === obj.spec?.replicas) return;
			for (const pdb of this.pdbs.byIndex('namespace', obj.metadata!.namespace!)) enqueue(pdb);
		};
		this.on(this.replicaSets, {update: (old, rs) => forScale(rs, old)});
		this.on(this.deployments, {update: (old, d) => forScale(d, old)});
		for (const informer of [this.pdbs, this.pods, this.replicaSets, this.deployments]) informer.start();
	}

	protected sync(key: string): void {
		const pdb = this.pdbs.get(key);
		if (!pdb) return;
		const namespace = pdb.metadata!.namespace!;
		const selector = fromLabelSelector(pdb.spec?.selector);
		const pods = this.pods.byIndex('namespace', namespace).filter(p => selector.matches(p.metadata?.labels ?? {}));
		if (pods.length === 0) this.recorder.event(pdb, 'Normal', 'NoPods', 'No matching pods found');
		let counts: {expected: number; desired: number};
		try {
			counts = this.expected(pdb, pods);
		} catch (error) {
			this.recorder.event(pdb, 'Warning', 'NoControllers', (error as Error).message);
			return this.write(pdb, {...pdb.status!, disruptionsAllowed: 0, observedGeneration: pdb.metadata?.generation, conditions: this.condition(pdb, 'False', 'SyncFailed', (error as Error).message)});
		}
		const now = this.ctx.clock.now();
		const {disrupted, recheckAt} = this.disrupted(pdb, pods, now);
		const healthy = pods.filter(p => !p.metadata?.deletionTimestamp && isPodReady(p) && !disrupted[p.metadata!.name!]).length;
		const allowed = counts.expected <= 0 ? 0 : Math.max(0, healthy - counts.desired);
		if (recheckAt !== undefined) this.queue.addAfter(key, Math.max(1, Math.ceil((recheckAt - now) / 1000 / this.ctx.clock.tickSeconds)));
		this.write(pdb, {
			...(Object.keys(disrupted).length ? {disruptedPods: disrupted} : {}),
			disruptionsAllowed: allowed, currentHealthy: healthy, desiredHealthy: counts.desired, expectedPods: counts.expected,
			observedGeneration: pdb.metadata?.generation,
			conditions: allowed > 0 ? this.condition(pdb, 'True', 'SufficientPods', '') : this.condition(pdb, 'False', 'InsufficientPods', ''),
		});
	}

	/** getExpectedPodCount. */
	private expected(pdb: PodDisruptionBudget, pods: Pod[]): {expected: number; desired: number} {
		const {minAvailable, maxUnavailable} = pdb.spec ?? {};
		if (maxUnavailable === undefined && !isPercent(minAvailable)) {
			return {expected: pods.length, desired: typeof minAvailable === 'number' ? minAvailable : 0};
		}
		const expected = this.expectedScale(pods);
		if (maxUnavailable !== undefined) return {expected, desired: Math.max(0, expected - scaledValue(maxUnavailable, expected, true))};
		return {expected, desired: scaledValue(minAvailable, expected, true)};
	}

	/** getExpectedScale: the sum of the scale of every controller of the pods (a ReplicaSet's Deployment if it has one). */
	private expectedScale(pods: Pod[]): number {
		const scales = new Map<string, number>();
		for (const pod of pods) {
			const ref = pod.metadata?.ownerReferences?.find(r => r.controller);
			if (!ref) throw new Error(`found no controller ref for pod "${pod.metadata!.name}"`);
			if (scales.has(ref.uid)) continue;
			const namespace = pod.metadata!.namespace!;
			const rs = ref.kind === 'ReplicaSet' ? this.replicaSets.get(`${namespace}/${ref.name}`) : undefined;
			if (!rs || rs.metadata?.uid !== ref.uid) throw new Error(`found no controllers for pod "${pod.metadata!.name}"`);
			const owner = rs.metadata?.ownerReferences?.find(r => r.controller && r.kind === 'Deployment');
			const deployment = owner ? this.deployments.get(`${namespace}/${owner.name}`) : undefined;
			if (deployment) scales.set(deployment.metadata!.uid!, deployment.spec?.replicas ?? 1);
			else scales.set(rs.metadata!.uid!, rs.spec?.replicas ?? 1);
		}
		let total = 0;
		for (const n of scales.values()) total += n;
		return total;
	}

	/** buildDisruptedPodMap: evicted pods still here and not yet past the deletion timeout. */
	private disrupted(pdb: PodDisruptionBudget, pods: Pod[], now: number): {disrupted: Record<string, string>; recheckAt?: number} {
		const disrupted: Record<string, string> = {};
		let recheckAt: number | undefined;
		const byName = new Map(pods.map(p => [p.metadata!.name!, p]));
		for (const [name, at] of Object.entries(pdb.status?.disruptedPods ?? {})) {
			const pod = byName.get(name);
			if (!pod || pod.metadata?.deletionTimestamp) continue;
			const expires = Date.parse(at) + deletionTimeoutMs;
			if (expires < now) continue;
			disrupted[name] = at;
			recheckAt = Math.min(recheckAt ?? Infinity, expires);
		}
		return {disrupted, recheckAt};
	}

	private condition(pdb: PodDisruptionBudget, status: string, reason: string, message: string) {
		return setCondition(pdb.status?.conditions, {type: 'DisruptionAllowed', status, reason, message, observedGeneration: pdb.metadata?.generation, lastTransitionTime: ''}, this.ctx.clock.timestamp());
	}

	private write(pdb: PodDisruptionBudget, status: Status): void {
		if (deepEqual(status, pdb.status)) return;
		const {resourceVersion: _, ...metadata} = pdb.metadata!;
		try {
			this.client.updateStatus('poddisruptionbudgets', {...pdb, metadata, status}, {namespace: pdb.metadata!.namespace, reason: `budget: ${status.currentHealthy} healthy, ${status.desiredHealthy} desired, ${status.disruptionsAllowed} disruptions allowed`});
		} catch (error) {
			if (!isStatusError(error, 'NotFound')) throw error;
		}
	}
}
