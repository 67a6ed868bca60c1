// The image catalogue: what a container does when the manifest does not say (no command), or when its
// command is a program the shell interpreter does not run itself. Each entry gives the image's
// ENTRYPOINT/CMD as its Dockerfile does, its size (pull time) and what its programs do: serve, listen,
// exit, use memory. An image not listed serves forever on its declared ports.
import type {Container} from '../objects/types.js';

export interface ImageInfo {
	entrypoint?: string[];
	cmd: string[];
	/** Compressed size, bytes. */
	size: number;
}

const catalogue: Record<string, ImageInfo> = {
	nginx: {entrypoint: ['/docker-entrypoint.sh'], cmd: ['nginx', '-g', 'daemon off;'], size: 72_000_000},
	httpd: {cmd: ['httpd-foreground'], size: 58_000_000},
	redis: {entrypoint: ['docker-entrypoint.sh'], cmd: ['redis-server'], size: 45_000_000},
	postgres: {entrypoint: ['docker-entrypoint.sh'], cmd: ['postgres'], size: 150_000_000},
	mysql: {entrypoint: ['docker-entrypoint.sh'], cmd: ['mysqld'], size: 170_000_000},
	memcached: {entrypoint: ['docker-entrypoint.sh'], cmd: ['memcached'], size: 36_000_000},
	busybox: {cmd: ['sh'], size: 2_200_000},
	alpine: {cmd: ['/bin/sh'], size: 3_500_000},
	debian: {cmd: ['bash'], size: 49_000_000},
	ubuntu: {cmd: ['/bin/bash'], size: 29_000_000},
	'registry.k8s.io/pause': {cmd: ['/pause'], size: 320_000},
	agnhost: {entrypoint: ['/agnhost'], cmd: [], size: 52_000_000},
	'polinux/stress': {cmd: ['stress'], size: 4_100_000},
	perl: {cmd: ['perl', '-de0'], size: 330_000_000},
	python: {cmd: ['python3'], size: 380_000_000},
};

/** The repository of an image reference, without registry defaults, tag or digest. */
export function repositoryOf(image: string): string {
	return image.split('@')[0]!.replace(/:[^/:]+$/, '').replace(/^(docker\.io\/)?(library\/)?/, '');
}

export function imageInfo(image: string): ImageInfo | undefined {
	const repository = repositoryOf(image);
	return catalogue[repository] ?? catalogue[repository.split('/').pop()!];
}

/** Size in bytes: the catalogue's, or one derived from the name (10-100 MB). */
export function imageSize(image: string): number {
	const known = imageInfo(image)?.size;
	if (known) return known;
	let hash = 0;
	for (let i = 0; i < image.length; i++) hash = (hash * 31 + image.charCodeAt(i)) >>> 0;
	return 10_000_000 + (hash % 90) * 1_000_000;
}

/** What the container's PID 1 does. */
export type Program =
	| {kind: 'shell'; shell: string; script: string}
	| {kind: 'serve'; ports: number[]; http?: 'liveness'; stopsOnTerm: boolean; logs: string[]; exitCode?: number}
	| {kind: 'exit'; code: number; afterMs: number; logs: string[]}
	| {kind: 'stress'; memoryBytes: number};

/** The process a container runs: command overrides ENTRYPOINT (and drops CMD), args override CMD. */
export function argv(container: Container): string[] {
	const info = imageInfo(container.image ?? '');
	if (container.command?.length) return [...container.command, ...(container.args ?? [])];
	return [...(info?.entrypoint ?? []), ...(container.args ?? info?.cmd ?? [])];
}

const shells = new Set(['sh', 'bash', 'ash', 'dash']);
/** Commands the interpreter runs itself when they are PID 1 (`sleep 3600`, `echo hi`). */
const simpleCommands = new Set(['sleep', 'echo', 'printf', 'true', 'false', 'cat', 'touch', 'rm', 'mkdir', 'ls', 'test', 'date', 'env', 'hostname', 'nslookup', 'tail', 'seq', 'exit']);
const base = (path: string) => path.split('/').pop()!;

const bytes = (text: string): number => {
	const match = /^(\d+(?:\.\d+)?)([bkmgBKMG]?)$/.exec(text);
	if (!match) return 256 * 2 ** 20; // stress's default --vm-bytes
	const unit = {'': 1, b: 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30}[match[2]!.toLowerCase()]!;
	return Math.round(Number(match[1]) * unit);
};

const quote = (word: string) => /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;

export function programFor(container: Container): Program {
	const words = argv(container);
	const ports = (container.ports ?? []).map(p => p.containerPort);
	const serveDeclared: Program = {kind: 'serve', ports, stopsOnTerm: true, logs: []};
	let [command, ...rest] = words;
	if (command === undefined) return serveDeclared;
	if (base(command) === 'docker-entrypoint.sh' && rest.length) [command, ...rest] = rest as [string, ...string[]];
	const name = base(command!);
	if (shells.has(name)) {
		const c = rest.indexOf('-c');
		// Without -c and a script, a shell with no terminal reads end-of-file on stdin and exits 0.
		if (c < 0 || rest[c + 1] === undefined) return {kind: 'exit', code: 0, afterMs: 0, logs: []};
		return {kind: 'shell', shell: name, script: rest[c + 1]!};
	}
	if (simpleCommands.has(name)) return {kind: 'shell', shell: 'sh', script: [name, ...rest].map(quote).join(' ')};
	switch (name) {
		case 'nginx': return {kind: 'serve', ports: [80, ...ports], stopsOnTerm: true, logs: ['/docker-entrypoint.sh: Configuration complete; ready for start up']};
		case 'httpd-foreground': return {kind: 'serve', ports: [80, ...ports], stopsOnTerm: true, logs: ['AH00094: Command line: \'httpd -D FOREGROUND\'']};
		case 'redis-server': return {kind: 'serve', ports: [6379, ...ports], stopsOnTerm: true, logs: ['* Ready to accept connections tcp']};
		case 'memcached': return {kind: 'serve', ports: [11211, ...ports], stopsOnTerm: true, logs: []};
		case 'postgres': {
			if (!(container.env ?? []).some(e => e.name === 'POSTGRES_PASSWORD' || e.name === 'POSTGRES_HOST_AUTH_METHOD')) {
				return {kind: 'exit', code: 1, afterMs: 0, logs: ['Error: Database is uninitialized and superuser password is not specified.',
					'       You must specify POSTGRES_PASSWORD to a non-empty value for the', '       superuser. For example, "-e POSTGRES_PASSWORD=password" on "docker run".']};
			}
			return {kind: 'serve', ports: [5432, ...ports], stopsOnTerm: true, logs: ['LOG:  database system is ready to accept connections']};
		}
		case 'mysqld': {
			if (!(container.env ?? []).some(e => /^MYSQL_(ROOT_PASSWORD|ALLOW_EMPTY_PASSWORD|RANDOM_ROOT_PASSWORD)$/.test(e.name))) {
				return {kind: 'exit', code: 1, afterMs: 0, logs: ['[ERROR] [Entrypoint]: Database is uninitialized and password option is not specified',
					'    You need to specify one of the following as an environment variable:', '    - MYSQL_ROOT_PASSWORD', '    - MYSQL_ALLOW_EMPTY_PASSWORD', '    - MYSQL_RANDOM_ROOT_PASSWORD']};
			}
			return {kind: 'serve', ports: [3306, ...ports], stopsOnTerm: true, logs: ['[Server] /usr/sbin/mysqld: ready for connections.']};
		}
		case 'agnhost': {
			const sub = rest[0];
			if (sub === 'liveness') return {kind: 'serve', ports: [8080], http: 'liveness', stopsOnTerm: true, logs: []};
			if (sub === 'netexec') return {kind: 'serve', ports: [8080, 8081, ...ports], stopsOnTerm: true, logs: ['Started HTTP server on port 8080']};
			if (sub === 'serve-hostname') return {kind: 'serve', ports: [9376, ...ports], stopsOnTerm: true, logs: []};
			return serveDeclared;
		}
		case 'stress': {
			const at = rest.indexOf('--vm-bytes');
			const vm = rest.includes('--vm') || rest.includes('-m');
			return vm ? {kind: 'stress', memoryBytes: bytes(at >= 0 ? rest[at + 1] ?? '' : '')} : {kind: 'serve', ports: [], stopsOnTerm: true, logs: []};
		}
		case 'perl': case 'python': case 'python3':
			// A one-liner (-e/-c) computes for a few seconds and exits 0; without one the interpreter reads EOF.
			return rest.some(a => /^-\w*[ec]$/.test(a)) ? {kind: 'exit', code: 0, afterMs: 5000, logs: []} : {kind: 'exit', code: 0, afterMs: 0, logs: []};
		case 'pause':
			return {kind: 'serve', ports: [], stopsOnTerm: true, logs: []};
		default:
			return serveDeclared;
	}
}
