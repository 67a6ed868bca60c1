import type {Event} from '../../objects/types.js';
import type {ResourceType} from '../resource.js';
import type {FieldError} from '../errors.js';
import {objectMetaErrors} from '../validation.js';

export const events = {
	group: '', version: 'v1', kind: 'Event', resource: 'events', singular: 'event', shortNames: ['ev'],
	namespaced: true, hasStatus: false, hasSpec: false,
	validate(event) {
		const errors: FieldError[] = objectMetaErrors(event.metadata, 'subdomain');
		if (!event.involvedObject) errors.push({type: 'Required', field: 'involvedObject'});
		if (event.type && !['Normal', 'Warning'].includes(event.type)) {
			errors.push({type: 'NotSupported', field: 'type', value: event.type, supported: ['Normal', 'Warning']});
		}
		return errors;
	},
	fieldSelectors: {
		'involvedObject.kind': e => e.involvedObject?.kind ?? '',
		'involvedObject.name': e => e.involvedObject?.name ?? '',
		'involvedObject.namespace': e => e.involvedObject?.namespace ?? '',
		'involvedObject.uid': e => e.involvedObject?.uid ?? '',
		reason: e => e.reason ?? '',
		type: e => e.type ?? '',
		'source.component': e => e.source?.component ?? '',
	},
} satisfies ResourceType<Event>;
