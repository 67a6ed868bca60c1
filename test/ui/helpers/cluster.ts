// A populated cluster for dashboard tests: the default fixture (a control-plane node, 3 workers, 3 deployments).
import {createCluster, type Cluster} from '../../../source/cluster/index.js';

export function defaultCluster(ticks = 0): Cluster {
	const cluster = createCluster({seed: 1});
	cluster.run('apply -f fixtures/default.yaml');
	if (ticks > 0) cluster.step(ticks);
	return cluster;
}
