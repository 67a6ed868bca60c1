// The dashboard's renderers: the home panes' own (k9s tones, extra columns), and for every other kind a generic one
// from its descriptor. No list of kinds here: the API's registry is the list.
import {lookupResource, type Deployment, type Event, type KubeObject, type Node, type Pod} from '../../cluster/index.js';
import {deployments} from './deployments.js';
import {events} from './events.js';
import {nodes} from './nodes.js';
import {pods} from './pods.js';
import {genericRenderer, type ResourceName, type ResourceRenderer} from './types.js';

export interface ResourceObjects {
	deployments: Deployment;
	nodes: Node;
	pods: Pod;
	events: Event;
}

export const renderers: {[R in ResourceName]: ResourceRenderer<ResourceObjects[R]>} = {deployments, nodes, pods, events};

const generic = new Map<string, ResourceRenderer<KubeObject>>();

/** The renderer for any served resource (plural name); undefined when the API does not serve it. */
export function rendererFor(resource: string): ResourceRenderer<KubeObject> | undefined {
	if (resource in renderers) return renderers[resource as ResourceName] as unknown as ResourceRenderer<KubeObject>;
	let renderer = generic.get(resource);
	if (!renderer) {
		const descriptor = lookupResource(resource);
		if (!descriptor) return undefined;
		generic.set(resource, (renderer = genericRenderer(descriptor)));
	}
	return renderer;
}
