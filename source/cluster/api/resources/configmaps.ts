// ConfigMap (pkg/registry/core/configmap, ValidateConfigMap/ValidateConfigMapUpdate).
import type {ConfigMap} from '../../objects/types.js';
import type {ResourceDescriptor} from '../resource.js';
import type {FieldError} from '../errors.js';
import {objectMetaErrors} from '../validation.js';
import {deepEqual} from '../../objects/clone.js';
import {ageColumn, keyCount, nameColumn} from './columns.js';
import {byteLength, decodeByteMap, immutableErrors, keyErrors, maxDataSize, textLength} from './data-maps.js';

const sorted = (map: Record<string, string> | undefined) => Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

export const configmaps = {
	group: '', version: 'v1', kind: 'ConfigMap', resource: 'configmaps', singular: 'configmap', shortNames: ['cm'],
	namespaced: true, generation: false,
	defaults(cm) {
		// binaryData is []byte: base64 on the wire, refused while decoding when it is not.
		const binaryData = decodeByteMap('ConfigMap', cm.binaryData);
		if (binaryData) cm.binaryData = binaryData;
	},
	validate(cm) {
		const errors: FieldError[] = objectMetaErrors(cm.metadata, 'subdomain');
		let total = 0;
		for (const [key, value] of sorted(cm.data)) {
			errors.push(...keyErrors(key, 'data'));
			if (cm.binaryData && key in cm.binaryData) errors.push({type: 'Invalid', field: `data[${key}]`, value: key, detail: 'duplicate of key present in binaryData'});
			total += textLength(value);
		}
		for (const [key, value] of sorted(cm.binaryData)) {
			errors.push(...keyErrors(key, 'binaryData'));
			total += byteLength(value);
		}
		// field.TooLong on the empty path: upstream prints the field as `[]`.
		if (total > maxDataSize) errors.push({type: 'TooLong', field: '[]', detail: `may not be more than ${maxDataSize} bytes`});
		return errors;
	},
	validateUpdate: (cm, old) => immutableErrors(cm, old, ['data', 'binaryData'], deepEqual),
	columns: [
		nameColumn,
		{name: 'DATA', type: 'integer', value: cm => keyCount(cm.data, cm.binaryData)},
		ageColumn,
	],
	describe: cm => [
		{title: 'Data', lines: sorted(cm.data).flatMap(([key, value]) => [`${key}:`, '----', value, ''])},
		{title: 'BinaryData', lines: sorted(cm.binaryData).map(([key, value]) => `${key}: ${byteLength(value)} bytes`)},
	],
} satisfies ResourceDescriptor<ConfigMap>;
