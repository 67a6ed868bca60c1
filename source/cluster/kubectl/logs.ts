// `kubectl logs pod/NAME [-c CONTAINER] [--previous] [--tail=N]`: the API server's pods/log, which asks
// the kubelet of the pod's node for the container's log, with upstream's refusals.
import type {ApiClient} from '../api/index.js';
import type {Pod} from '../objects/types.js';
import type {LogLine} from '../node/logs.js';
import {CommandError} from './command.js';
import {namespaceOf, parse} from './args.js';

export interface LogOptions {
	container?: string;
	previous?: boolean;
	/** Only the last N lines. */
	tail?: number;
}

/** The kubelet side: the lines of one container, or why there are none. */
export type LogSource = (node: string, namespace: string, pod: string, container: string | undefined, previous: boolean) => LogLine[] | string;

export function readLogs(client: ApiClient, source: LogSource, namespace: string, name: string, options: LogOptions = {}): string[] {
	const pod = client.find<Pod>('pods', name, namespace);
	if (!pod) throw new CommandError(`Error from server (NotFound): pods "${name}" not found`);
	const containers = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])].map(c => c.name);
	const container = options.container ?? pod.spec?.containers[0]?.name;
	if (container === undefined || !containers.includes(container)) {
		throw new CommandError(`Error from server (BadRequest): container ${container} is not valid for pod ${name}`);
	}
	if (!pod.spec?.nodeName) throw new CommandError(`Error from server (BadRequest): container "${container}" in pod "${name}" is waiting to start: ContainerCreating`);
	const lines = source(pod.spec.nodeName, namespace, name, container, options.previous ?? false);
	if (typeof lines === 'string') throw new CommandError(`Error from server (BadRequest): ${lines}`);
	const texts = lines.map(l => l.text);
	return options.tail !== undefined && options.tail >= 0 ? texts.slice(Math.max(0, texts.length - options.tail)) : texts;
}

/** The command-line form. */
export function logsCommand(client: ApiClient, source: LogSource, args: string[]): string {
	const {values, positionals} = parse(args, {
		container: {type: 'string', short: 'c'}, previous: {type: 'boolean', short: 'p'}, tail: {type: 'string'},
		namespace: {type: 'string', short: 'n'},
	});
	let [target] = positionals;
	if (!target) throw new CommandError('error: expected \'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]\'.\nPOD or TYPE/NAME is a required argument for the logs command');
	if (target.includes('/')) {
		const [type, name] = target.split('/', 2) as [string, string];
		if (!['pod', 'pods', 'po'].includes(type)) throw new CommandError(`error: cannot get the logs from ${type}: only pods are supported`);
		target = name;
	}
	const tail = values.tail === undefined ? undefined : Number(values.tail);
	if (tail !== undefined && !Number.isInteger(tail)) throw new CommandError(`error: invalid argument "${values.tail}" for "--tail" flag: strconv.ParseInt: parsing "${values.tail}": invalid syntax`);
	const lines = readLogs(client, source, namespaceOf(values), target, {
		...(values.container ? {container: values.container as string} : {}),
		previous: values.previous === true,
		...(tail !== undefined ? {tail} : {}),
	});
	return lines.join('\n');
}
