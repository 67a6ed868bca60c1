// `stop cloud-controller-manager` pauses the cloud's controllers together; `start` catches up.
import test from 'ava';
import type {Service} from '../../source/cluster/index.js';
import {clusterWith, nodeObject, stepUntil} from '../helpers/cluster.js';

test('a stopped cloud-controller-manager provisions nothing; started again, the LoadBalancer gets its address', t => {
	const cluster = clusterWith([nodeObject('worker-1')], {cloud: {region: 'region-1', zones: ['zone-a'], instanceTypes: [{name: 'small', cpu: '4', memory: '8Gi'}], loadBalancerDelaySeconds: 2}});
	cluster.step(2);
	t.regex(cluster.run('stop cloud-controller-manager').message, /stopped/);
	t.deepEqual(cluster.components().filter(c => c.process === 'cloud-controller-manager').map(c => [c.name, c.state]), [
		['cloud-node-controller', 'stopped'], ['cloud-node-lifecycle-controller', 'stopped'], ['service-controller', 'stopped'],
	]);
	cluster.client.create('services', {apiVersion: 'v1', kind: 'Service', metadata: {name: 'web'}, spec: {type: 'LoadBalancer', selector: {app: 'web'}, ports: [{port: 80}]}});
	cluster.step(10);
	t.is(cluster.client.get<Service>('services', 'web').metadata?.finalizers, undefined);
	cluster.run('start cloud-controller-manager');
	stepUntil(cluster, () => !!cluster.client.get<Service>('services', 'web').status?.loadBalancer?.ingress, 6, 'ingress');
	t.is(cluster.client.get<Service>('services', 'web').status!.loadBalancer!.ingress![0]!.ip, '203.0.113.1');
});
