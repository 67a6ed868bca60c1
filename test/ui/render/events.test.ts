import test from 'ava';
import {compareEvents, eventColumns, eventTone} from '../../../source/ui/render/events.js';
import {ctxAt, event} from '../helpers/objects.js';

test('events render LAST SEEN TYPE REASON OBJECT MESSAGE with kubectl\'s kind/name object', t => {
	const e = event('x', {type: 'Warning', reason: 'FailedScheduling', kind: 'Pod', object: 'batch-1', message: '0/4 nodes are available:\n3 Insufficient cpu.', last: 5});
	const row = Object.fromEntries(eventColumns.filter(c => !('wide' in c && c.wide)).map(c => [c.title, c.value(e, ctxAt(65))]));
	t.deepEqual(row, {'LAST SEEN': '60s', TYPE: 'Warning', REASON: 'FailedScheduling', OBJECT: 'pod/batch-1', MESSAGE: '0/4 nodes are available: 3 Insufficient cpu.'});
	t.is(eventTone(e), 'error');
	t.is(eventTone(event('y')), 'normal');
});

test('events sort newest first, and by write order within one instant', t => {
	const list = [event('old', {last: 1}), event('new-b', {last: 9, resourceVersion: '20'}), event('new-a', {last: 9, resourceVersion: '30'}), event('mid', {last: 5})];
	t.deepEqual([...list].sort(compareEvents).map(e => e.metadata!.name), ['new-a', 'new-b', 'mid', 'old']);
});
