// The control plane's components, in the fixed order they run each tick.
import type {Component, ComponentContext} from '../client/controller.js';
import {DeploymentController} from './controllers/deployment/controller.js';
import {ReplicaSetController} from './controllers/replicaset/controller.js';
import {GarbageCollector} from './controllers/garbage-collector.js';
import {PodGarbageCollector} from './controllers/pod-gc.js';
import {NodeLifecycleController} from './controllers/node-lifecycle.js';
import {NodeIpamController} from './controllers/node-ipam.js';
import {TaintEvictionController} from './controllers/taint-eviction.js';
import {DisruptionController} from './controllers/disruption.js';
import {NamespaceController} from './controllers/namespace/controller.js';
import {ServiceAccountsController} from './controllers/serviceaccounts.js';
import {ResourceQuotaController} from './controllers/resource-quota.js';
import {Scheduler} from './scheduler/scheduler.js';
import {EndpointSliceController} from './controllers/endpointslice.js';

export function controlPlane(ctx: ComponentContext): Component[] {
	return [
		// Namespace housekeeping first: a new namespace's default ServiceAccount exists before any pod of the
		// same tick asks for it.
		new NamespaceController(ctx),
		new ServiceAccountsController(ctx),
		new ResourceQuotaController(ctx),
		new NodeIpamController(ctx),
		new NodeLifecycleController(ctx),
		new TaintEvictionController(ctx),
		new DeploymentController(ctx),
		new ReplicaSetController(ctx),
		new DisruptionController(ctx),
		new EndpointSliceController(ctx),
		new GarbageCollector(ctx),
		new PodGarbageCollector(ctx),
		new Scheduler(ctx),
	];
}

export {Scheduler};
