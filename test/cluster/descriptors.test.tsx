// Every served kind, through its descriptor alone: create, get, list with label and field selectors, watch, update,
// delete, kubectl's table, describe, and the dashboard view. A new kind is covered by adding it to the registry and an
// example object to test/fixtures/kinds/<resource>.yaml (this suite fails until the example exists).
import {existsSync, readFileSync} from 'node:fs';
import test from 'ava';
import {parse} from 'yaml';
import {
	createCluster, describeObject, isStatusError, printTable, resources,
	type KubeObject, type ResourceDescriptor, type WatchEvent,
} from '../../source/cluster/index.js';
import {App} from '../../source/ui/app.js';
import {renderTerminal} from '../ui/helpers/terminal.js';

const example = (type: ResourceDescriptor) => `test/fixtures/kinds/${type.resource}.yaml`;
const load = (type: ResourceDescriptor) => parse(readFileSync(example(type), 'utf8')) as KubeObject;

test('every served kind has an example object for this suite', t => {
	const missing = resources.filter(type => !existsSync(example(type))).map(type => type.resource);
	t.deepEqual(missing, []);
});

for (const type of resources) {
	test(`${type.resource}: create, get, list with selectors, watch, update, delete`, t => {
		if (!existsSync(example(type))) return t.fail(`no ${example(type)}`);
		const cluster = createCluster({seed: 7});
		const client = cluster.client;
		const namespace = type.namespaced ? 'default' : undefined;
		const input = load(type);
		const name = input.metadata!.name!;

		const created = client.create(type.resource, input, {namespace});
		t.is(created.kind, type.kind);
		t.is(created.apiVersion, type.group ? `${type.group}/${type.version}` : type.version);
		t.truthy(created.metadata?.uid);
		t.is(created.metadata?.generation, type.generation ? 1 : undefined);
		t.true(Object.isFrozen(created));
		t.is(client.get(type.resource, name, namespace).metadata?.uid, created.metadata?.uid);

		const list = (options: {labelSelector?: string; fieldSelector?: string}) =>
			client.list(type.resource, {namespace, ...options}).items.map(o => o.metadata?.name);
		t.deepEqual(list({labelSelector: 'suite=descriptors'}), [name]);
		t.deepEqual(list({labelSelector: 'suite=other'}), []);
		t.deepEqual(list({fieldSelector: `metadata.name=${name}`}), [name]);
		t.false(list({fieldSelector: `metadata.name!=${name}`}).includes(name));

		const seen: Array<WatchEvent['type']> = [];
		const watch = client.watch(type.resource, {namespace, labelSelector: 'suite=descriptors', resourceVersion: created.metadata!.resourceVersion}, e => seen.push(e.type));
		const updated = client.patch(type.resource, name, {metadata: {labels: {touched: 'yes'}}}, {namespace});
		t.is(updated.metadata?.labels?.['touched'], 'yes');
		t.not(updated.metadata?.resourceVersion, created.metadata?.resourceVersion);
		// A label change is not a spec change: generation stays.
		t.is(updated.metadata?.generation, created.metadata?.generation);
		const stale = {...updated, metadata: {...updated.metadata, resourceVersion: created.metadata!.resourceVersion}};
		const conflict = t.throws(() => client.update(type.resource, stale, {namespace}));
		t.true(isStatusError(conflict, 'Conflict'), String(conflict));

		client.delete(type.resource, name, {namespace, gracePeriodSeconds: 0});
		const gone = type.resource === 'namespaces' ? undefined : t.throws(() => client.get(type.resource, name, namespace));
		if (type.resource === 'namespaces') t.is((client.get(type.resource, name) as {status?: {phase?: string}}).status?.phase, 'Terminating');
		else t.true(isStatusError(gone, 'NotFound'), String(gone));
		watch.cancel();
		// A namespace is finalized by its controller before it goes: here it is Terminating.
		t.deepEqual(seen, type.resource === 'namespaces' ? ['MODIFIED', 'MODIFIED'] : ['MODIFIED', 'DELETED']);
	});

	test(`${type.resource}: kubectl get columns (and -o wide) and describe come from the descriptor`, t => {
		if (!existsSync(example(type))) return t.fail(`no ${example(type)}`);
		const cluster = createCluster({seed: 7});
		const namespace = type.namespaced ? 'default' : undefined;
		const obj = cluster.client.create(type.resource, load(type), {namespace});
		const now = cluster.clock.now();
		const [header, row] = printTable(type, [obj], {now}).split('\n');
		const normal = type.columns.filter(c => !c.priority).map(c => c.name);
		t.is(header!.split(/\s{2,}/).join('|'), normal.join('|'));
		t.truthy(row);
		const [wideHeader, wideRow] = printTable(type, [obj], {now, wide: true, allNamespaces: true}).split('\n') as [string, string];
		t.true(wideRow.includes(obj.metadata!.name!), wideRow);
		t.is(wideHeader.split(/\s{2,}/).join('|'), [...(type.namespaced ? ['NAMESPACE'] : []), ...type.columns.map(c => c.name)].join('|'));
		const text = describeObject(type, obj, [], {now});
		t.regex(text, new RegExp(`^Name:\\s+${obj.metadata!.name}\\n`));
		t.true(text.endsWith('Events:  <none>'), text);
		t.is(cluster.run(`get ${type.shortNames[0] ?? type.resource} ${obj.metadata!.name}`).message.split('\n')[0], header);
	});

	test(`${type.resource}: : and its name open its view in the dashboard, showing the object`, async t => {
		if (!existsSync(example(type))) return t.fail(`no ${example(type)}`);
		const cluster = createCluster({seed: 7});
		const obj = cluster.client.create(type.resource, load(type), {namespace: type.namespaced ? 'default' : undefined});
		const term = await renderTerminal(<App cluster={cluster} color={false} />, {columns: 120, rows: 30});
		try {
			await term.press(':', ...(type.shortNames[0] ?? type.resource), '\r');
			const home = ['deployments', 'nodes', 'pods', 'events'].includes(type.resource);
			// The home screen's kinds are panes (the name focuses it); every other kind opens a view of its own.
			const count = cluster.client.list(type.resource).items.length;
			const title = new RegExp(` ${type.resource}(\\(all\\))?\\[${count}\\] `);
			const frame = await term.waitFor(f => title.test(f) && (home || f.includes(obj.metadata!.name!)), 10_000);
			if (!home) {
				t.true(frame.includes(`<${type.resource}>`), frame);
				await term.press('\x1b');
				await term.waitFor(f => f.includes(' pods(all)['), 10_000);
			}
			t.pass();
		} finally {
			term.unmount();
		}
	});
}
