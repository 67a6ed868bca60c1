// Reading Kubernetes YAML: every document of a multi-document file, with the file, line and column of
// any syntax error, and the line each object starts on (so a later validation error can point there too).
import {parseAllDocuments, LineCounter, isMap, isSeq, type Document, type Node as YamlNode} from 'yaml';
import type {KubeObject} from '../objects/types.js';

export interface Manifest {
	object: KubeObject;
	file: string;
	/** 1-based line where the document starts. */
	line: number;
	/** 1-based position of the document in the file. */
	document: number;
	/** `file:line:col` of a field path like `spec.template.spec.containers[0].image`: the field itself, or
	 * its nearest parent that exists (a Required field is missing, so its parent is named). */
	locate?(fieldPath: string): string;
}

/** `spec.containers[0].resources.requests[cpu]` -> ['spec', 'containers', 0, 'resources', 'requests', 'cpu']. */
export function splitFieldPath(path: string): Array<string | number> {
	const parts: Array<string | number> = [];
	for (const match of path.matchAll(/([^.[\]]+)|\[([^\]]*)\]/g)) {
		if (match[1] !== undefined) parts.push(match[1]);
		else parts.push(/^\d+$/.test(match[2]!) ? Number(match[2]) : match[2]!);
	}
	return parts;
}

function locator(doc: Document, lineCounter: LineCounter, file: string, fallbackLine: number) {
	return (fieldPath: string): string => {
		let node: unknown = doc.contents;
		let found = node as YamlNode | undefined;
		for (const key of splitFieldPath(fieldPath)) {
			const next: unknown = isMap(node) || isSeq(node) ? node.get(key, true) : undefined;
			if (next === undefined) break;
			node = next;
			if ((next as YamlNode).range) found = next as YamlNode;
		}
		if (!found?.range) return `${file}:${fallbackLine}`;
		const {line, col} = lineCounter.linePos(found.range[0]);
		return `${file}:${line}:${col}`;
	};
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
			const first = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
			// The parser's own stack ran out: say what that means for a manifest, not how JavaScript felt about it.
			const message = /call stack/i.test(first) ? 'the document is nested too deeply to be a Kubernetes object' : first;
			throw new ManifestError(`${file}:${line}:${col}: ${message}`);
		}
		const start = doc.contents?.range?.[0] ?? doc.range[0];
		const locate = locator(doc, lineCounter, file, lineCounter.linePos(start).line);
		const line = lineCounter.linePos(start).line;
		const value: unknown = doc.toJS({maxAliasCount: 100});
		if (value === null || value === undefined) continue; // an empty document (e.g. a trailing ---)
		const where = `${file}:${line}`;
		if (typeof value !== 'object' || Array.isArray(value)) throw new ManifestError(`${where}: document ${index} is not a Kubernetes object (a YAML mapping with apiVersion and kind)`);
		const object = value as KubeObject;
		if (object.kind === 'List' && Array.isArray((object as {items?: unknown}).items)) {
			(object as unknown as {items: KubeObject[]}).items.forEach((item, i) => manifests.push({object: item, file, line, document: index, locate: path => locate(`items[${i}].${path}`)}));
			continue;
		}
		if (!object.apiVersion) throw new ManifestError(`${where}: document ${index}: Object 'apiVersion' is missing`);
		if (!object.kind) throw new ManifestError(`${where}: document ${index}: Object 'Kind' is missing`);
		manifests.push({object, file, line, document: index, locate});
	}
	return manifests;
}
