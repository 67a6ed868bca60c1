// `kubectl rollout restart`: stamps the pod template with kubectl.kubernetes.io/restartedAt, so the Deployment
// controller sees a new template and rolls every pod (the dashboard's `r`, k9s's restart).
import type {ApiClient} from '../api/index.js';
import {parse, namespaceOf, target} from './args.js';
import {CommandError, type CommandResult} from './command.js';

const restartable = new Set(['deployments', 'daemonsets', 'statefulsets']);

export function rollout(client: ApiClient, args: string[], now: number): CommandResult {
	const [sub, ...rest] = args;
	if (sub !== 'restart') throw new CommandError(`error: unknown command "${sub ?? ''}" for "kubectl rollout" (supported: restart)`);
	const {values, positionals} = parse(rest, {namespace: {type: 'string', short: 'n'}});
	const {type, name} = target(positionals, 'restart');
	if (!restartable.has(type.resource)) throw new CommandError(`error: ${type.resource} "${name}" restarting is not supported`);
	// RFC 3339 of the simulated clock, as kubectl writes time.Now().Format(time.RFC3339).
	const restartedAt = new Date(now).toISOString().replace(/\.\d{3}Z$/, 'Z');
	const patch = {spec: {template: {metadata: {annotations: {'kubectl.kubernetes.io/restartedAt': restartedAt}}}}};
	client.patch(type.resource, name, patch, {namespace: namespaceOf(values), reason: 'kubectl rollout restart'});
	return {message: `${type.singular}.${type.group}/${name} restarted`};
}
