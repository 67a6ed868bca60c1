// The cloud-controller-manager: the controllers that talk to the cloud, in the order they run each tick.
import type {Component, ComponentContext} from '../../client/controller.js';
import {CloudNodeController} from './cloud-node-controller.js';
import {CloudNodeLifecycleController} from './cloud-node-lifecycle-controller.js';
import {ServiceController} from './service-controller.js';
import type {SimulatedCloud} from './provider.js';

export {processName} from './process.js';

export function cloudControllerManager(ctx: ComponentContext, cloud: SimulatedCloud): Component[] {
	return [new CloudNodeController(ctx, cloud), new CloudNodeLifecycleController(ctx, cloud), new ServiceController(ctx, cloud)];
}

export {SimulatedCloud, CloudError, type CloudSpec, type InstanceType, type Instance} from './provider.js';
export {CloudOperations, type HostAgents} from './operations.js';
export {parseCloudProvider, simGroup, cloudProviderApiVersion} from './spec.js';
