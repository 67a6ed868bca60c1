// Benchmark scenarios: clusters built in code (no YAML parsing in the measurement), sized like the
// Kubernetes scalability targets.
import type {Cluster, Deployment, Node} from '../source/cluster/index.js';

export interface Scenario {
	name: string;
	description: string;
	nodes: number;
	deployments: number;
	replicas: number;
	maxTicks: number;
}

export const scenarios: Scenario[] = [
	{name: 'scale-30k', description: '1,000 nodes, 30,000 pods across 100 deployments, from nothing to all Running', nodes: 1000, deployments: 100, replicas: 300, maxTicks: 120},
	{name: 'small-1k', description: '50 nodes, 1,000 pods across 10 deployments', nodes: 50, deployments: 10, replicas: 100, maxTicks: 60},
];

export function node(i: number): Node {
	const name = `node-${String(i).padStart(4, '0')}`;
	return {
		apiVersion: 'v1', kind: 'Node',
		metadata: {name, labels: {'kubernetes.io/hostname': name, 'topology.kubernetes.io/zone': `zone-${i % 3}`}},
		status: {capacity: {cpu: '8', memory: '32Gi', pods: '110'}},
	};
}

export function deployment(i: number, replicas: number): Deployment {
	const name = `app-${String(i).padStart(3, '0')}`;
	return {
		apiVersion: 'apps/v1', kind: 'Deployment',
		metadata: {name, namespace: 'default', labels: {app: name}},
		spec: {
			replicas,
			selector: {matchLabels: {app: name}},
			template: {
				metadata: {labels: {app: name}},
				spec: {containers: [{name: 'app', image: i % 2 === 0 ? 'nginx:1.27' : 'redis:7.2', resources: {requests: {cpu: '100m', memory: '128Mi'}}}]},
			},
		},
	};
}

/** The simulated cloud the nodes are instances of (the cloud-controller-manager adopts every node on the first tick). */
export const cloud = {region: 'bench-1', zones: ['zone-0', 'zone-1', 'zone-2'], instanceTypes: [{name: 'standard-8', cpu: '8', memory: '32Gi'}]};

export function populate(cluster: Cluster, s: Scenario): void {
	cluster.cloud.configure(cloud);
	for (let i = 0; i < s.nodes; i++) cluster.client.create('nodes', node(i));
	for (let i = 0; i < s.deployments; i++) cluster.client.create('deployments', deployment(i, s.replicas));
}
