import test from 'ava';
import {createCluster, type Pod} from '../../source/cluster/index.js';

const pod = (metadata: Pod['metadata']): Pod => ({apiVersion: 'v1', kind: 'Pod', metadata, spec: {containers: [{name: 'c', image: 'nginx:1.27'}]}});

test('a generated name that is already taken is drawn again (RetryGenerateName)', t => {
	// Same seed, same number of random draws: the second cluster's generateName would draw the name it already has.
	const first = createCluster({seed: 7});
	first.client.create('pods', pod({name: 'dummy'}));
	const drawn = first.client.create('pods', pod({generateName: 'web-'})).metadata!.name!;

	const second = createCluster({seed: 7});
	second.client.create('pods', pod({name: drawn}));
	const created = second.client.create('pods', pod({generateName: 'web-'}));
	t.not(created.metadata!.name, drawn);
	t.regex(created.metadata!.name!, /^web-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
	t.is(second.client.list('pods').items.length, 2);
});
