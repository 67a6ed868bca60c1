// The read path's selectors and pages: a label and field selector compiled once per list or watch (with the
// watch cache's index value when the field selector names it), and filtered list pages read from the store.
import type {Store} from '../store/index.js';
import type {KubeObject} from '../objects/types.js';
import {parseSelector, everything, type Selector} from '../objects/labels.js';
import type {ResourceType} from './resource.js';
import {parseFieldSelector, type FieldRequirement} from './field-selector.js';
import {badRequest} from './errors.js';
import type {ListOptions, ListResult} from './request.js';

export interface ListFilter {
	/** No selector at all: every object matches. */
	all: boolean;
	/** The value of the kind's watch index named by the field selector (e.g. spec.nodeName), if any. */
	indexValue?: string;
	matches(obj: KubeObject): boolean;
}

export function listFilter(type: ResourceType, labelSelector?: string, fieldSelector?: string): ListFilter {
	let labels: Selector = everything;
	if (labelSelector) {
		try {
			labels = parseSelector(labelSelector);
		} catch (error) {
			throw badRequest((error as Error).message);
		}
	}
	const getters: Record<string, (obj: KubeObject) => string | undefined> = {
		'metadata.name': obj => obj.metadata?.name,
		'metadata.namespace': obj => obj.metadata?.namespace,
		...type.fieldSelectors,
	};
	const fields: FieldRequirement[] = parseFieldSelector(fieldSelector, Object.keys(getters));
	const indexed = fields.find(f => f.field === type.watchIndex && f.equal);
	return {
		all: labels.empty && fields.length === 0,
		indexValue: indexed?.value,
		matches: (obj: KubeObject) => labels.matches(obj.metadata?.labels) &&
			fields.every(f => ((getters[f.field]!(obj) ?? '') === f.value) === f.equal),
	};
}

/** One list page under `prefix`. */
export function listPage(store: Store<KubeObject>, prefix: string, filter: ListFilter, options: ListOptions): ListResult<KubeObject> {
	if (filter.all || !options.limit) {
		const page = store.range(prefix, {limit: options.limit, continue: options.continue});
		const items = filter.all ? page.kvs.map(kv => kv.value) : page.kvs.map(kv => kv.value).filter(filter.matches);
		return {items, resourceVersion: String(page.revision), continue: page.continue};
	}
	// Filtered pages: read store pages until `limit` matches, continuing after the last key read, as the
	// apiserver does (a page may hold fewer items than the limit, never more).
	const items: KubeObject[] = [];
	let token = options.continue;
	let revision = store.revision;
	for (;;) {
		const page = store.range(prefix, {limit: options.limit - items.length, continue: token});
		revision = page.revision;
		for (const kv of page.kvs) if (filter.matches(kv.value)) items.push(kv.value);
		token = page.continue;
		if (!page.more || items.length >= options.limit) return {items, resourceVersion: String(revision), continue: page.more ? token : undefined};
	}
}
