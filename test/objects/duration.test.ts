import test from 'ava';
import {humanDuration} from '../../source/cluster/objects/duration.js';

// The table is kubectl's (apimachinery's duration.HumanDuration).
const cases: Array<[number, string]> = [
	[-5_000, '<invalid>'], [-1_500, '0s'], [0, '0s'], [59_000, '59s'], [119_000, '119s'], [120_000, '2m'],
	[125_000, '2m5s'], [599_000, '9m59s'], [600_000, '10m'], [179 * 60_000, '179m'], [3 * 3600_000, '3h'],
	[3 * 3600_000 + 25 * 60_000, '3h25m'], [8 * 3600_000, '8h'], [47 * 3600_000, '47h'], [48 * 3600_000, '2d'],
	[50 * 3600_000, '2d2h'], [8 * 86400_000, '8d'], [800 * 86400_000, '2y70d'], [9 * 365 * 86400_000, '9y'],
];

for (const [ms, text] of cases) {
	test(`${ms} ms reads ${text}`, t => {
		t.is(humanDuration(ms), text);
	});
}
