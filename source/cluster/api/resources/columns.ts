// Printer columns several kinds share, as kubectl prints them (pkg/printers/internalversion/printers.go).
import type {KubeObject, LabelSelector, PodTemplateSpec} from '../../objects/types.js';
import {age} from '../../objects/duration.js';
import {formatSelector} from './selector-text.js';
import type {PrinterColumn} from '../resource.js';

export const nameColumn: PrinterColumn<KubeObject> = {name: 'NAME', value: obj => obj.metadata?.name ?? '', min: 10};

export const ageColumn: PrinterColumn<KubeObject> = {
	name: 'AGE', value: (obj, ctx) => age(obj.metadata?.creationTimestamp, ctx.now), drop: 1,
};

/** The wide CONTAINERS, IMAGES and SELECTOR columns of workloads. */
export function templateColumns<T extends KubeObject & {spec?: {template?: PodTemplateSpec; selector?: LabelSelector}}>(): Array<PrinterColumn<T>> {
	const containers = (obj: T) => obj.spec?.template?.spec?.containers ?? [];
	return [
		{name: 'CONTAINERS', priority: 1, value: obj => containers(obj).map(c => c.name).join(','), drop: 6},
		{name: 'IMAGES', priority: 1, value: obj => containers(obj).map(c => c.image ?? '').join(','), drop: 6},
		{name: 'SELECTOR', priority: 1, value: obj => formatSelector(obj.spec?.selector) || '<none>', cut: true, min: 10, drop: 6},
	];
}

/** kubectl's count columns: the number of keys of a map (DATA of a ConfigMap or Secret). */
export const keyCount = (...maps: Array<Record<string, unknown> | undefined>) => String(maps.reduce((n, m) => n + Object.keys(m ?? {}).length, 0));
