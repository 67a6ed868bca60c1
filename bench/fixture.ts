// A big cluster as a YAML fixture, for trying the dashboard at scale (the benchmark scenarios' nodes and
// deployments, written out). `node --import=tsx bench/fixture.ts [PODS] [FILE]`: PODS pods (default 10,000) over
// 100 deployments and one node per 30 pods, to FILE (default /tmp/kubetui-PODS.yaml).
import {writeFileSync} from 'node:fs';
import {fileURLToPath} from 'node:url';
import {stringify} from 'yaml';
import {deployment, node} from './scenarios.js';

export function bigFixture(pods: number): string {
	const deployments = Math.min(100, Math.max(1, Math.ceil(pods / 100)));
	const replicas = Math.ceil(pods / deployments);
	const nodes = Math.max(1, Math.ceil(pods / 30));
	const docs = [
		...Array.from({length: nodes}, (_, i) => node(i)),
		...Array.from({length: deployments}, (_, i) => deployment(i, replicas)),
	];
	return docs.map(d => stringify(d)).join('---\n');
}

export function writeBigFixture(pods: number, file = `/tmp/kubetui-${pods}.yaml`): string {
	writeFileSync(file, bigFixture(pods));
	return file;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
	const pods = Number(process.argv[2] ?? 10_000);
	if (!Number.isInteger(pods) || pods < 1) {
		process.stderr.write(`fixture: PODS must be a whole number above 0, got "${process.argv[2]}"\n`);
		process.exit(2);
	}
	process.stdout.write(`${writeBigFixture(pods, process.argv[3])}\n`);
}
