// The control plane's components, in the fixed order they run each tick.
import type {Component, ComponentContext} from '../client/controller.js';
import {DeploymentController} from './controllers/deployment/controller.js';
import {ReplicaSetController} from './controllers/replicaset/controller.js';
import {GarbageCollector} from './controllers/garbage-collector.js';
import {PodGarbageCollector} from './controllers/pod-gc.js';
import {NodeLifecycleController} from './controllers/node-lifecycle.js';
import {NodeIpamController} from './controllers/node-ipam.js';
import {Scheduler} from './scheduler/scheduler.js';

export function controlPlane(ctx: ComponentContext): Component[] {
	return [
		new NodeIpamController(ctx),
		new NodeLifecycleController(ctx),
		new DeploymentController(ctx),
		new ReplicaSetController(ctx),
		new GarbageCollector(ctx),
		new PodGarbageCollector(ctx),
		new Scheduler(ctx),
	];
}

export {Scheduler};
