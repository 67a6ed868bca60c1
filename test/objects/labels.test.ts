import test from 'ava';
import {fromLabelSelector, parseSelector, formatLabels} from '../../source/cluster/objects/labels.js';

const web = {app: 'web', tier: 'front', env: 'prod'};

test('equality, inequality, set and existence requirements', t => {
	t.true(parseSelector('app=web').matches(web));
	t.true(parseSelector('app==web,tier!=db').matches(web));
	t.false(parseSelector('app!=web').matches(web));
	t.true(parseSelector('env in (prod, staging)').matches(web));
	t.false(parseSelector('env notin (prod)').matches(web));
	t.true(parseSelector('tier').matches(web));
	t.false(parseSelector('!tier').matches(web));
	t.true(parseSelector('!canary').matches(web));
	t.true(parseSelector('').matches(web));
});

test('a malformed selector is an error that names the part', t => {
	const error = t.throws(() => parseSelector('app=web,,tier'));
	t.regex(error!.message, /unable to parse requirement/);
	t.throws(() => parseSelector('app in web'), {message: /"app in web"/});
});

test('a LabelSelector object: empty matches all, missing matches nothing', t => {
	t.true(fromLabelSelector({}).matches(web));
	t.false(fromLabelSelector(undefined).matches(web));
	const s = fromLabelSelector({matchLabels: {app: 'web'}, matchExpressions: [{key: 'env', operator: 'In', values: ['prod']}]});
	t.true(s.matches(web));
	t.false(s.matches({app: 'web', env: 'dev'}));
	t.is(s.toString(), 'app=web,env=prod');
});

test('labels print sorted, <none> when empty', t => {
	t.is(formatLabels({b: '2', a: '1'}), 'a=1,b=2');
	t.is(formatLabels({}), '<none>');
});
