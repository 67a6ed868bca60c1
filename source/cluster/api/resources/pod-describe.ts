// kubectl describe's container sections (describe.go describeContainers): state with reason, exit
// code and times, last state, ready, restart count, probes; for init and regular containers alike.
import type {Container, ContainerStatus, Pod} from '../../objects/types.js';

const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const p2 = (n: number) => String(n).padStart(2, '0');

/** Go's time.RFC1123Z, as kubectl describe prints times. */
function rfc1123z(timestamp: string | undefined): string {
	if (!timestamp) return '';
	const d = new Date(timestamp);
	return `${days[d.getUTCDay()]}, ${p2(d.getUTCDate())} ${months[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`;
}

type State = NonNullable<ContainerStatus['state']>;

function stateLines(label: string, state: State | undefined): string[] {
	const pad = (name: string) => `${name}:`.padEnd(16);
	if (state?.running) return [`  ${pad(label)}Running`, `    Started:      ${rfc1123z(state.running.startedAt)}`];
	if (state?.terminated) {
		const t = state.terminated;
		return [`  ${pad(label)}Terminated`, `    Reason:       ${t.reason ?? ''}`, ...(t.message ? [`    Message:      ${t.message}`] : []),
			`    Exit Code:    ${t.exitCode}`, `    Started:      ${rfc1123z(t.startedAt)}`, `    Finished:     ${rfc1123z(t.finishedAt)}`];
	}
	if (state?.waiting) return [`  ${pad(label)}Waiting`, `    Reason:       ${state.waiting.reason ?? ''}`, ...(state.waiting.message ? [`    Message:      ${state.waiting.message}`] : [])];
	return [`  ${pad(label)}Waiting`];
}

function probeText(probe: NonNullable<Container['livenessProbe']>): string {
	const how = probe.exec ? `exec [${(probe.exec.command ?? []).join(' ')}]`
		: probe.httpGet ? `http-get http://${probe.httpGet.host ?? ''}:${probe.httpGet.port}${probe.httpGet.path ?? '/'}`
		: probe.tcpSocket ? `tcp-socket ${probe.tcpSocket.host ?? ''}:${probe.tcpSocket.port}`
		: probe.grpc ? `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''}` : 'unknown';
	return `${how} delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 1}s period=${probe.periodSeconds ?? 10}s #success=${probe.successThreshold ?? 1} #failure=${probe.failureThreshold ?? 3}`;
}

export function containerLines(containers: Container[], statuses: ContainerStatus[] | undefined): string[] {
	return containers.flatMap(c => {
		const s = statuses?.find(x => x.name === c.name);
		const lines = [`${c.name}:`];
		if (s?.containerID) lines.push(`  Container ID:   ${s.containerID}`);
		lines.push(`  Image:          ${c.image ?? ''}`);
		if (c.command?.length) lines.push('  Command:', ...c.command.map(w => `    ${w}`));
		if (c.args?.length) lines.push('  Args:', ...c.args.map(w => `    ${w}`));
		lines.push(...stateLines('State', s?.state));
		if (s?.lastState?.terminated) lines.push(...stateLines('Last State', s.lastState));
		lines.push(`  Ready:          ${s?.ready ? 'True' : 'False'}`, `  Restart Count:  ${s?.restartCount ?? 0}`);
		const limits = c.resources?.limits;
		if (limits && Object.keys(limits).length) lines.push('  Limits:', ...Object.entries(limits).map(([k, v]) => `    ${k}:  ${v}`));
		const requests = c.resources?.requests;
		if (requests && Object.keys(requests).length) lines.push('  Requests:', ...Object.entries(requests).map(([k, v]) => `    ${k}:  ${v}`));
		if (c.livenessProbe) lines.push(`  Liveness:       ${probeText(c.livenessProbe)}`);
		if (c.readinessProbe) lines.push(`  Readiness:      ${probeText(c.readinessProbe)}`);
		if (c.startupProbe) lines.push(`  Startup:        ${probeText(c.startupProbe)}`);
		return lines;
	});
}

export function initContainerSection(p: Pod): Array<{title: string; lines: string[]}> {
	const init = p.spec?.initContainers ?? [];
	return init.length ? [{title: 'Init Containers', lines: containerLines(init, p.status?.initContainerStatuses)}] : [];
}
