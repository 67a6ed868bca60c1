// The one registry of resource renderers the dashboard shows, keyed by resource.
import type {Deployment, Event, Node, Pod} from '../../cluster/index.js';
import {deployments} from './deployments.js';
import {events} from './events.js';
import {nodes} from './nodes.js';
import {pods} from './pods.js';
import type {ResourceName, ResourceRenderer} from './types.js';

export interface ResourceObjects {
	deployments: Deployment;
	nodes: Node;
	pods: Pod;
	events: Event;
}

export const renderers: {[R in ResourceName]: ResourceRenderer<ResourceObjects[R]>} = {deployments, nodes, pods, events};
