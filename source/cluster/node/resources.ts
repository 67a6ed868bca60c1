// What the kubelet reads from a container's resources: the memory limit the OOM killer enforces.
import type {Container} from '../objects/types.js';
import {bytes} from '../objects/quantity.js';

export function memoryLimit(container: Container): number | undefined {
	const limit = container.resources?.limits?.memory;
	return limit === undefined ? undefined : bytes(limit);
}
