import test from 'ava';
import {createCluster, type Cluster, type Pod, type WatchEvent} from '../../source/cluster/index.js';
import {names, podObject} from '../helpers/cluster.js';

function labelledPods(): Cluster {
	const cluster = createCluster();
	cluster.client.create('pods', podObject('a', {labels: {app: 'web', env: 'prod'}}));
	cluster.client.create('pods', podObject('b', {labels: {app: 'web', env: 'dev'}}));
	cluster.client.create('pods', podObject('c', {labels: {app: 'db', env: 'prod', canary: 'true'}}));
	cluster.client.create('pods', podObject('d', {labels: {app: 'cache'}}));
	return cluster;
}

const selected = (cluster: Cluster, labelSelector: string) => names(cluster.client.list('pods', {labelSelector}).items);

test('list with a label selector: =, ==, !=, in, notin, exists, !key and combinations', t => {
	const cluster = labelledPods();
	t.deepEqual(selected(cluster, 'app=web'), ['a', 'b']);
	t.deepEqual(selected(cluster, 'app==db'), ['c']);
	t.deepEqual(selected(cluster, 'app!=web'), ['c', 'd']);
	t.deepEqual(selected(cluster, 'env in (prod,dev)'), ['a', 'b', 'c']);
	t.deepEqual(selected(cluster, 'env notin (prod)'), ['b', 'd']);
	t.deepEqual(selected(cluster, 'canary'), ['c']);
	t.deepEqual(selected(cluster, '!canary'), ['a', 'b', 'd']);
	t.deepEqual(selected(cluster, 'app=web,env=prod'), ['a']);
	t.deepEqual(selected(cluster, 'app in (web,db),!canary'), ['a', 'b']);
	t.deepEqual(selected(cluster, 'env'), ['a', 'b', 'c']);
	t.deepEqual(selected(cluster, 'app=nothing'), []);
});

test('a malformed label selector is 400 BadRequest', t => {
	const cluster = labelledPods();
	const error = t.throws(() => cluster.client.list('pods', {labelSelector: 'env in (prod'}));
	t.is((error as any).status.code, 400);
	t.is((error as any).status.reason, 'BadRequest');
});

test('list with a field selector: spec.nodeName and metadata.name, = and !=', t => {
	const cluster = labelledPods();
	cluster.client.bind('default', 'a', 'node-1');
	cluster.client.bind('default', 'c', 'node-2');
	t.deepEqual(names(cluster.client.list('pods', {fieldSelector: 'spec.nodeName=node-1'}).items), ['a']);
	t.deepEqual(names(cluster.client.list('pods', {fieldSelector: 'spec.nodeName='}).items), ['b', 'd']);
	t.deepEqual(names(cluster.client.list('pods', {fieldSelector: 'spec.nodeName!=node-1'}).items), ['b', 'c', 'd']);
	t.deepEqual(names(cluster.client.list('pods', {fieldSelector: 'metadata.name=c'}).items), ['c']);
	t.deepEqual(names(cluster.client.list('pods', {fieldSelector: 'metadata.name==b'}).items), ['b']);
	t.deepEqual(names(cluster.client.list('pods', {fieldSelector: 'metadata.name!=c,spec.nodeName!=node-1'}).items), ['b', 'd']);
	t.deepEqual(names(cluster.client.list('pods', {labelSelector: 'env=prod', fieldSelector: 'spec.nodeName=node-2'}).items), ['c']);
	t.deepEqual(names(cluster.client.list('nodes', {fieldSelector: 'metadata.name=x'}).items), []);
});

test('an unsupported field selector is 400 BadRequest', t => {
	const cluster = labelledPods();
	const error = t.throws(() => cluster.client.list('pods', {fieldSelector: 'spec.hostname=x'}));
	t.is((error as any).status.code, 400);
	t.is((error as any).status.reason, 'BadRequest');
	t.is(error?.message, 'field label not supported: spec.hostname');
	t.throws(() => cluster.client.watch('pods', {fieldSelector: 'status.nope=1'}, () => {}), {message: 'field label not supported: status.nope'});
});

test('list by namespace only returns that namespace', t => {
	const cluster = createCluster();
	cluster.client.create('namespaces', {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team'}});
	cluster.step(); // the serviceaccounts controller gives it its default ServiceAccount
	cluster.client.create('pods', podObject('x'));
	cluster.client.create('pods', podObject('y', {namespace: 'team'}));
	t.deepEqual(names(cluster.client.list('pods', {namespace: 'team'}).items), ['y']);
	t.deepEqual(names(cluster.client.list('pods', {namespace: 'default'}).items), ['x']);
	t.deepEqual(names(cluster.client.list('pods').items), ['x', 'y']);
	t.is(cluster.client.get('pods', 'y', 'team').metadata!.namespace, 'team');
	t.throws(() => cluster.client.get('pods', 'y'), {message: 'pods "y" not found'});
});

test('list returns the store revision as resourceVersion', t => {
	const cluster = labelledPods();
	const list = cluster.client.list('pods');
	t.is(list.resourceVersion, String(cluster.api.revision));
});

test('a watch from a resourceVersion replays later changes in order, then delivers live ones', t => {
	const cluster = createCluster();
	cluster.client.create('pods', podObject('before'));
	const from = cluster.client.list('pods').resourceVersion;
	cluster.client.create('pods', podObject('one'));
	cluster.client.patch('pods', 'one', {metadata: {labels: {x: '1'}}});
	cluster.client.create('pods', podObject('two'));
	cluster.client.delete('pods', 'before');
	const seen: string[] = [];
	const versions: number[] = [];
	const watch = cluster.client.watch<Pod>('pods', {resourceVersion: from}, e => {
		seen.push(`${e.type} ${e.object.metadata!.name}`);
		if (e.type !== 'DELETED') versions.push(Number(e.object.metadata!.resourceVersion));
	});
	t.deepEqual(seen, ['ADDED one', 'MODIFIED one', 'ADDED two', 'DELETED before']);
	cluster.client.create('pods', podObject('live'));
	t.deepEqual(seen.slice(4), ['ADDED live']);
	t.deepEqual(versions, [...versions].sort((a, b) => a - b));
	watch.cancel();
	cluster.client.create('pods', podObject('after-cancel'));
	t.is(seen.length, 5);
});

test('a watch without a resourceVersion sees only future changes', t => {
	const cluster = createCluster();
	cluster.client.create('pods', podObject('old'));
	const seen: string[] = [];
	cluster.client.watch<Pod>('pods', {}, e => seen.push(`${e.type} ${e.object.metadata!.name}`));
	t.deepEqual(seen, []);
	cluster.client.create('pods', podObject('new'));
	t.deepEqual(seen, ['ADDED new']);
});

test('a label-selected watch sees an object leave the selection as DELETED and enter it as ADDED', t => {
	const cluster = createCluster();
	cluster.client.create('pods', podObject('p', {labels: {app: 'web'}}));
	const seen: string[] = [];
	cluster.client.watch<Pod>('pods', {labelSelector: 'app=web'}, e => seen.push(`${e.type} ${e.object.metadata!.name}`));
	cluster.client.patch('pods', 'p', {metadata: {labels: {app: 'db'}}});
	cluster.client.patch('pods', 'p', {metadata: {labels: {extra: 'x'}}});
	cluster.client.patch('pods', 'p', {metadata: {labels: {app: 'web'}}});
	t.deepEqual(seen, ['DELETED p', 'ADDED p']);
});

test('a watch on spec.nodeName gets ADDED when a pod is bound to that node and DELETED when it is deleted', t => {
	const cluster = createCluster();
	cluster.client.create('pods', podObject('p'));
	cluster.client.create('pods', podObject('q'));
	const forNode1: WatchEvent<Pod>[] = [];
	const forNode2: WatchEvent<Pod>[] = [];
	cluster.client.watch<Pod>('pods', {fieldSelector: 'spec.nodeName=node-1'}, e => forNode1.push(e));
	cluster.client.watch<Pod>('pods', {fieldSelector: 'spec.nodeName=node-2'}, e => forNode2.push(e));
	cluster.client.bind('default', 'p', 'node-1');
	t.deepEqual(forNode1.map(e => [e.type, e.object.metadata!.name, e.object.spec!.nodeName]), [['ADDED', 'p', 'node-1']]);
	t.is(forNode2.length, 0);
	cluster.client.bind('default', 'q', 'node-2');
	t.is(forNode1.length, 1);
	cluster.client.delete('pods', 'p', {gracePeriodSeconds: 0});
	t.deepEqual(forNode1.map(e => e.type), ['ADDED', 'DELETED']);
	t.is(forNode1[1]!.object.metadata!.name, 'p');
	t.deepEqual(forNode2.map(e => e.type), ['ADDED']);
});

test('a watch on spec.nodeName from an old resourceVersion replays only that node\'s pods', t => {
	const cluster = createCluster();
	const from = cluster.client.list('pods').resourceVersion;
	cluster.client.create('pods', podObject('p'));
	cluster.client.create('pods', podObject('q'));
	cluster.client.bind('default', 'p', 'node-1');
	cluster.client.bind('default', 'q', 'node-2');
	const seen: string[] = [];
	cluster.client.watch<Pod>('pods', {fieldSelector: 'spec.nodeName=node-1', resourceVersion: from}, e => seen.push(`${e.type} ${e.object.metadata!.name}`));
	t.deepEqual(seen, ['ADDED p']);
});

test('a namespaced watch ignores other namespaces', t => {
	const cluster = createCluster();
	cluster.client.create('namespaces', {apiVersion: 'v1', kind: 'Namespace', metadata: {name: 'team'}});
	cluster.step(); // the serviceaccounts controller gives it its default ServiceAccount
	const seen: string[] = [];
	cluster.client.watch<Pod>('pods', {namespace: 'team'}, e => seen.push(`${e.type} ${e.object.metadata!.namespace}/${e.object.metadata!.name}`));
	cluster.client.create('pods', podObject('x'));
	cluster.client.create('pods', podObject('y', {namespace: 'team'}));
	t.deepEqual(seen, ['ADDED team/y']);
});

test('list pages with limit and continue, at one resourceVersion', t => {
	const cluster = createCluster();
	for (const name of ['a', 'b', 'c', 'd', 'e']) cluster.client.create('pods', podObject(name));
	const first = cluster.client.list('pods', {limit: 2});
	t.deepEqual(names(first.items), ['a', 'b']);
	t.truthy(first.continue);
	cluster.client.create('pods', podObject('f'));
	const second = cluster.client.list('pods', {limit: 2, continue: first.continue});
	t.deepEqual(names(second.items), ['c', 'd']);
	const third = cluster.client.list('pods', {limit: 2, continue: second.continue});
	// Paging reads a snapshot: "f", created after the first page, is not in it.
	t.deepEqual(names(third.items), ['e']);
	t.is(third.continue, undefined);
	t.is(third.resourceVersion, first.resourceVersion);
});

// Upstream: a list never returns more than `limit` items, and pages through filtered results.
test('a list with a selector still honours limit', t => {
	const cluster = createCluster();
	for (const name of ['a', 'b', 'c', 'd', 'e']) cluster.client.create('pods', podObject(name, {labels: {app: 'x'}}));
	const page = cluster.client.list('pods', {limit: 2, labelSelector: 'app=x'});
	t.true(page.items.length <= 2, `${page.items.length} items`);
	t.truthy(page.continue);
});
