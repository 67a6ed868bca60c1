// Reading Kubernetes YAML: every document of a multi-document file, with the file, line and column of
// any syntax error, and the line each object starts on (so a later validation error can point there too).
import {parseAllDocuments, LineCounter} from 'yaml';
import type {KubeObject} from '../objects/types.js';

export interface Manifest {
	object: KubeObject;
	file: string;
	/** 1-based line where the document starts. */
	line: number;
	/** 1-based position of the document in the file. */
	document: number;
}

export class ManifestError extends Error {
	constructor(message: string) {
		super(message);
		this.name = 'ManifestError';
	}
}

export function loadManifests(text: string, file: string): Manifest[] {
	const lineCounter = new LineCounter();
	const documents = parseAllDocuments(text, {lineCounter, prettyErrors: false});
	const manifests: Manifest[] = [];
	let index = 0;
	for (const doc of documents) {
		index++;
		const error = doc.errors[0];
		if (error) {
			const {line, col} = lineCounter.linePos(error.pos[0]);
			const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
			throw new ManifestError(`${file}:${line}:${col}: ${message}`);
		}
		const start = doc.contents?.range?.[0] ?? doc.range[0];
		const line = lineCounter.linePos(start).line;
		const value: unknown = doc.toJS({maxAliasCount: 100});
		if (value === null || value === undefined) continue; // an empty document (e.g. a trailing ---)
		const where = `${file}:${line}`;
		if (typeof value !== 'object' || Array.isArray(value)) throw new ManifestError(`${where}: document ${index} is not a Kubernetes object (a YAML mapping with apiVersion and kind)`);
		const object = value as KubeObject;
		if (object.kind === 'List' && Array.isArray((object as {items?: unknown}).items)) {
			for (const item of (object as unknown as {items: KubeObject[]}).items) manifests.push({object: item, file, line, document: index});
			continue;
		}
		if (!object.apiVersion) throw new ManifestError(`${where}: document ${index}: Object 'apiVersion' is missing`);
		if (!object.kind) throw new ManifestError(`${where}: document ${index}: Object 'Kind' is missing`);
		manifests.push({object, file, line, document: index});
	}
	return manifests;
}
