// The one module that parses and runs kubectl-style commands, for `--at` in headless runs and for the
// dashboard's `:` prompt and keys. It acts as the user (kubernetes-admin) through the API server only.
import {closeSync, openSync, readSync} from 'node:fs';
import type {ApiClient} from '../api/index.js';
import {resourceForKind, isStatusError, type ResourceType} from '../api/index.js';
import type {KubeObject, Node} from '../objects/types.js';
import {loadManifests, ManifestError, type Manifest} from './manifests.js';
import {splitCommandLine} from './command-line.js';
import {CommandError, type CommandResult} from './command.js';
import {parse, namespaceOf, target} from './args.js';
import {describe, get} from './get.js';
import {logsCommand, type LogSource} from './logs.js';
import {rollout} from './rollout.js';
import {lastAppliedAnnotation, threeWayMergePatch} from './three-way-merge.js';
import {partitionOrHeal, stopOrStart, type FaultControl} from './faults.js';
import {DrainJob, drainOptions, type OperationStatus} from './drain.js';

export {CommandError, type CommandResult, type FaultControl, type OperationStatus};

/** Finished long-running commands kept for the dashboard to show (older ones are forgotten). */
const keptOperations = 20;

const qualifiedName = (type: ResourceType) => (type.group ? `${type.singular}.${type.group}` : type.singular);
const verbs = ['add', 'apply', 'cordon', 'delete', 'describe', 'drain', 'fail', 'get', 'heal', 'logs', 'partition', 'request', 'restore', 'rollout', 'scale', 'start', 'stop', 'terminate', 'uncordon'];
import type {Infrastructure} from './infrastructure.js';
import {request} from './request.js';
import {addNode, terminate, zone} from './cloud-commands.js';

export type {Infrastructure, CloudCommands, ProxyView} from './infrastructure.js';

/** Documents of kubetui's own kinds (apiVersion sim.kubetui.dev/v1): configuration of the simulation, not API objects. */
const simApiVersion = 'sim.kubetui.dev/v1';


export class Kubectl {
	private readonly jobs: DrainJob[] = [];
	private nextJob = 1;

	/** `now`: simulated time (epoch ms), for AGE columns. */
	constructor(readonly client: ApiClient, private readonly now: () => number, private readonly logSource: LogSource = () => 'logs are not available', private readonly faults?: FaultControl, private readonly infra?: Infrastructure) {}

	/** Long-running commands (drains), oldest first: their output so far and whether they are over. */
	operations(): OperationStatus[] {
		return this.jobs.map(job => job.status());
	}

	/** Advance every running drain one round (the cluster calls this after each tick). */
	advance(): void {
		for (const job of this.jobs) job.advance();
		const finished = this.jobs.filter(job => job.phase !== 'running');
		if (finished.length > keptOperations) {
			const drop = new Set(finished.slice(0, finished.length - keptOperations));
			this.jobs.splice(0, this.jobs.length, ...this.jobs.filter(job => !drop.has(job)));
		}
	}

	/** `drain NODE ...`: cordons and starts evicting now; the rest of its output comes tick by tick (operations()). */
	private drain(args: string[], commandLine: string): CommandResult {
		const {node, flags} = drainOptions(args);
		if (this.jobs.some(job => job.node === node && job.phase === 'running')) throw new CommandError(`error: node/${node} is already being drained`);
		const job = new DrainJob(this.nextJob++, commandLine, node, this.client, this.now, flags);
		try {
			job.start();
		} finally {
			if (job.lines.length) this.jobs.push(job);
		}
		return {message: job.lines.join('\n'), operation: job.id};
	}

	private need(): Infrastructure {
		if (!this.infra) throw new CommandError('error: this command needs a running cluster (no nodes or cloud here)');
		return this.infra;
	}

	run(commandLine: string): CommandResult {
		let argv: string[];
		try {
			argv = splitCommandLine(commandLine.trim());
		} catch (error) {
			throw new CommandError(`error: ${(error as Error).message}`);
		}
		if (argv[0] === 'kubectl') argv = argv.slice(1);
		const [verb, ...rest] = argv;
		if (!verb) throw new CommandError('error: no command given (try: scale deployment/web --replicas=3)');
		try {
			switch (verb) {
				case 'scale': return this.scale(rest);
				case 'delete': return this.delete(rest);
				case 'cordon': return this.cordon(rest, true);
				case 'uncordon': return this.cordon(rest, false);
				case 'apply': return this.applyFiles(rest);
				case 'get': return get(this.client, rest, this.now());
				case 'describe': return describe(this.client, rest, this.now());
				case 'logs': return {message: logsCommand(this.client, this.logSource, rest)};
				case 'rollout': return rollout(this.client, rest, this.now());
				case 'drain': return this.drain(rest, commandLine.trim());
				case 'stop': case 'start': return stopOrStart(this.client, this.faults, verb, rest);
				case 'partition': case 'heal': return partitionOrHeal(this.client, this.faults, verb, rest);
				case 'request': return request(this.client, this.need(), rest, this.now());
				case 'add': return addNode(this.need().cloud, rest);
				case 'terminate': return terminate(this.client, this.need().cloud, rest);
				case 'fail': return zone(this.need().cloud, rest, true);
				case 'restore': return zone(this.need().cloud, rest, false);
				default: throw new CommandError(`error: unknown command "${verb}" for "kubectl" (supported: ${verbs.join(', ')})`);
			}
		} catch (error) {
			if (error instanceof CommandError || error instanceof ManifestError) throw error;
			if (isStatusError(error)) throw new CommandError(`Error from server (${error.reason}): ${error.message}`);
			throw new CommandError(`error: ${(error as Error).message}`);
		}
	}

	/** `kubectl apply` of already-read manifests: all are validated before the first write. */
	apply(manifests: readonly Manifest[]): CommandResult {
		// First pass: every document is decoded, defaulted, admitted and validated by the API server as the create or
		// the patch it will be (a dry run), so a file applies whole or not at all. Nothing is written here.
		const planned: Array<{manifest: Manifest; type: ResourceType; namespace?: string; object: KubeObject; current?: KubeObject; patch?: Record<string, unknown>}> = [];
		const seen = new Map<string, Manifest>();
		const simulation: Manifest[] = [];
		for (const manifest of manifests) {
			const {file, line} = manifest;
			if (manifest.object.apiVersion === simApiVersion) {
				try {
					this.need().cloud.configure(manifest.object, true);
				} catch (error) {
					throw new CommandError(`${file}:${line}: ${(error as Error).message}`);
				}
				simulation.push(manifest);
				continue;
			}
			const type = resourceForKind(manifest.object.apiVersion, manifest.object.kind);
			if (!type) throw new CommandError(`${file}:${line}: no matches for kind "${manifest.object.kind}" in version "${manifest.object.apiVersion}"`);
			const namespace = type.namespaced ? manifest.object.metadata?.namespace || 'default' : undefined;
			const id = `${type.resource}/${namespace ?? ''}/${manifest.object.metadata?.name ?? ''}`;
			const twin = seen.get(id);
			if (twin && manifest.object.metadata?.name) throw new CommandError(`${file}:${line}: ${qualifiedName(type)}/${manifest.object.metadata.name} is also at ${twin.file}:${twin.line}: apply each object once`);
			seen.set(id, manifest);
			const at = (error: unknown) => {
				if (isStatusError(error)) {
					const field = error.status.details?.causes?.[0]?.field;
					return new CommandError(`${field && manifest.locate ? manifest.locate(field) : `${file}:${line}`}: ${error.message}`);
				}
				// Never a JavaScript message alone: say where, as the apiserver's InternalError does.
				return new CommandError(`${file}:${line}: Internal error occurred: ${(error as Error).message}`);
			};
			try {
				const object = withLastApplied(manifest.object);
				const name = manifest.object.metadata?.name;
				const current = name ? this.client.find(type.resource, name, namespace) : undefined;
				if (!current) {
					// Objects planned before this one count as existing (a Namespace before what lives in it).
					this.client.validate(type.resource, object, namespace, planned.map(p => p.manifest.object));
					planned.push({manifest, type, namespace, object});
					continue;
				}
				const patch = applyPatch(object, current);
				if (Object.keys(patch).length > 0) this.client.patch(type.resource, name!, patch, {namespace, dryRun: true});
				planned.push({manifest, type, namespace, object, current, patch});
			} catch (error) {
				throw at(error);
			}
		}
		const lines: string[] = [];
		// The simulation's own documents first: the cloud exists before the nodes that are its instances.
		for (const manifest of simulation) {
			this.need().cloud.configure(manifest.object);
			lines.push(`cloudprovider.sim.kubetui.dev/${manifest.object.metadata?.name ?? ''} configured`);
		}
		for (const {manifest, type, namespace, object, current, patch} of planned) {
			const name = manifest.object.metadata!.name!;
			const reason = `kubectl apply -f ${manifest.file}`;
			if (!current) {
				this.client.create(type.resource, object, {namespace, reason});
				lines.push(`${qualifiedName(type)}/${name} created`);
				continue;
			}
			const updated = Object.keys(patch!).length === 0 ? current : this.client.patch(type.resource, name, patch, {namespace, reason});
			lines.push(`${qualifiedName(type)}/${name} ${updated.metadata?.resourceVersion === current.metadata?.resourceVersion ? 'unchanged' : 'configured'}`);
		}
		return {message: lines.join('\n')};
	}

	private applyFiles(args: string[]): CommandResult {
		const {values} = parse(args, {filename: {type: 'string', short: 'f', multiple: true}, namespace: {type: 'string', short: 'n'}});
		const files = values.filename as string[] | undefined;
		if (!files?.length) throw new CommandError('error: must specify one of -f and -k');
		const manifests: Manifest[] = [];
		for (const file of files) manifests.push(...readManifests(file));
		if (manifests.length === 0) throw new CommandError('error: no objects passed to apply');
		const namespace = values.namespace as string | undefined;
		if (namespace === undefined) return this.apply(manifests);
		// -n: objects without a namespace go there; one that names another is refused, as kubectl does.
		return this.apply(manifests.map(m => {
			const own = m.object.metadata?.namespace;
			if (own && own !== namespace) throw new CommandError(`${m.file}:${m.line}: error: the namespace from the provided object "${own}" does not match the namespace "${namespace}". You must pass '--namespace=${own}' to perform this operation.`);
			const type = resourceForKind(m.object.apiVersion, m.object.kind);
			return type?.namespaced ? {...m, object: {...m.object, metadata: {...m.object.metadata, namespace}}} : m;
		}));
	}

	private scale(args: string[]): CommandResult {
		const {values, positionals} = parse(args, {replicas: {type: 'string'}, namespace: {type: 'string', short: 'n'}});
		const {type, name} = target(positionals, 'scale');
		if (values.replicas === undefined) throw new CommandError('error: required flag(s) "replicas" not set');
		const replicas = Number(values.replicas);
		if (!/^-?\d+$/.test(String(values.replicas))) throw new CommandError(`error: invalid argument "${values.replicas}" for "--replicas" flag: strconv.ParseInt: parsing "${values.replicas}": invalid syntax`);
		if (!type.subresources?.scale) throw new CommandError(`error: cannot scale ${type.resource}: no scale subresource`);
		this.client.updateScale(type.resource, name, replicas, {namespace: namespaceOf(values), reason: `kubectl scale --replicas=${replicas}`});
		return {message: `${qualifiedName(type)}/${name} scaled`};
	}

	private delete(args: string[]): CommandResult {
		const {values, positionals} = parse(args, {
			namespace: {type: 'string', short: 'n'}, 'grace-period': {type: 'string'}, now: {type: 'boolean'}, force: {type: 'boolean'}, cascade: {type: 'string'},
		});
		const {type, name} = target(positionals, 'delete');
		let grace: number | undefined;
		if (values['grace-period'] !== undefined) {
			grace = Number(values['grace-period'] as string);
			if (!Number.isInteger(grace)) throw new CommandError(`error: invalid argument "${values['grace-period']}" for "--grace-period" flag`);
			// kubectl: --grace-period=0 without --force means 1 second; with --force, at once.
			if (grace === 0 && !values.force) grace = 1;
		}
		if (values.now) grace = 1;
		if (values.force && grace === undefined) grace = 0;
		// kubectl --cascade: background (the default), foreground, orphan; the old true/false still work, false with a warning.
		const cascade = (values.cascade as string | undefined) ?? 'background';
		const policies: Record<string, 'Background' | 'Foreground' | 'Orphan'> = {background: 'Background', true: 'Background', foreground: 'Foreground', orphan: 'Orphan', false: 'Orphan'};
		const propagationPolicy = policies[cascade];
		if (!propagationPolicy) throw new CommandError(`error: invalid cascade value (${cascade}). Must be "background", "foreground", or "orphan"`);
		this.client.delete(type.resource, name, {namespace: namespaceOf(values), gracePeriodSeconds: grace, propagationPolicy, reason: `kubectl delete${grace !== undefined ? ` --grace-period=${grace}` : ''}${cascade !== 'background' ? ` --cascade=${cascade}` : ''}`});
		const warning = cascade === 'false' ? 'warning: --cascade=false is deprecated (boolean value) and can be replaced with --cascade=orphan.\n' : '';
		return {message: `${warning}${qualifiedName(type)} "${name}" deleted`};
	}

	private cordon(args: string[], cordon: boolean): CommandResult {
		const {positionals} = parse(args, {});
		const name = positionals[0]?.replace(/^(nodes?|no)\//, '');
		if (!name) throw new CommandError(`error: USAGE: ${cordon ? 'cordon' : 'uncordon'} NODE [flags]`);
		const node = this.client.get<Node>('nodes', name);
		const verb = cordon ? 'cordoned' : 'uncordoned';
		if ((node.spec?.unschedulable ?? false) === cordon) return {message: `node/${name} already ${verb}`};
		this.client.patch('nodes', name, {spec: {unschedulable: cordon ? true : null}}, {reason: `kubectl ${cordon ? 'cordon' : 'uncordon'}`});
		return {message: `node/${name} ${verb}`};
	}
}

/** Larger than any manifest a person means to apply (kubectl itself has no bound: /dev/zero would never end). */
/** Like kubectl, remember what was applied in an annotation, for the next apply's three-way merge. */
function withLastApplied(input: KubeObject): KubeObject {
	const {annotations, ...metadata} = input.metadata ?? {};
	const {[lastAppliedAnnotation]: _, ...userAnnotations} = annotations ?? {};
	const applied = {...input, metadata: {...metadata, ...(Object.keys(userAnnotations).length ? {annotations: userAnnotations} : {})}};
	return {...applied, metadata: {...applied.metadata, annotations: {...userAnnotations, [lastAppliedAnnotation]: JSON.stringify(applied)}}};
}

/** The three-way merge patch from the last applied configuration, the new one, and the live object. */
function applyPatch(object: KubeObject, current: KubeObject): Record<string, unknown> {
	let original: Record<string, unknown> | undefined;
	try {
		const text = current.metadata?.annotations?.[lastAppliedAnnotation];
		original = text ? JSON.parse(text) : undefined;
	} catch {
		original = undefined;
	}
	const {status: _status, ...desired} = object;
	return threeWayMergePatch(original, desired as Record<string, unknown>, current as unknown as Record<string, unknown>);
}

export const maxManifestBytes = 16 * 1024 * 1024;

export function readManifests(file: string): Manifest[] {
	let text: string;
	try {
		text = readBounded(file);
	} catch (error) {
		if (error instanceof CommandError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		throw new CommandError(code === 'ENOENT' ? `error: the path "${file}" does not exist` : `error: cannot read "${file}": ${(error as Error).message}`);
	}
	return loadManifests(text, file);
}


/** Read at most maxManifestBytes (a device like /dev/zero or a huge file is refused, not read to the end). */
function readBounded(file: string): string {
	const fd = openSync(file, 'r');
	try {
		const buffer = Buffer.alloc(maxManifestBytes + 1);
		let length = 0;
		for (let n; length < buffer.length && (n = readSync(fd, buffer, length, buffer.length - length, null)) > 0;) length += n;
		if (length > maxManifestBytes) throw new CommandError(`error: "${file}" is larger than ${maxManifestBytes / 1024 / 1024} MiB: not a manifest kubetui will read`);
		return buffer.toString('utf8', 0, length);
	} finally {
		closeSync(fd);
	}
}
