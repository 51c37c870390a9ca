import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { formatDay } from './dates';
import { followerSourceName } from './names';
import { dateRangeProperties, dayRangeOf, pullEntries } from './report';

const ENDPOINT = { path: '/datacube/getusersummary', span: 7 };

const properties: INodeProperties[] = [
	...dateRangeProperties,
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'One Item per Day',
				value: 'day',
				description: 'All sources summed; every day of the range, with zeros where nobody followed or unfollowed (a row per day for a spreadsheet)',
			},
			{
				name: 'One Item per Day and Source',
				value: 'daySource',
				description: 'As WeChat lists them: a day appears only with the sources that had follows or unfollows',
			},
		],
		default: 'daySource',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['analytics'], operation: ['getFollowerGrowth'] } }, properties);

const count = (value: unknown) => (Number.isFinite(Number(value)) ? Number(value) : 0);

/**
 * New and cancelled followers (datacube/getusersummary, 7 days per request): per day and source
 * `{ ref_date, user_source, user_source_name, new_user, cancel_user, net_user }`, or per day
 * `{ ref_date, new_user, cancel_user, net_user }` with every day of the range present.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const perDay = (this.getNodeParameter('output', itemIndex, 'daySource') as string) === 'day';
	const range = dayRangeOf(this, itemIndex, Date.now());
	const entries = await pullEntries(this, client, itemIndex, ENDPOINT, range);
	const pairedItem = { item: itemIndex };

	if (!perDay) {
		for (const entry of entries) {
			const newUser = count(entry.new_user);
			const cancelUser = count(entry.cancel_user);
			output.push({
				json: {
					ref_date: entry.ref_date,
					user_source: entry.user_source,
					user_source_name: followerSourceName(entry.user_source),
					new_user: newUser,
					cancel_user: cancelUser,
					net_user: newUser - cancelUser,
				},
				pairedItem,
			});
		}
		return;
	}

	const days = new Map<string, IDataObject & { new_user: number; cancel_user: number }>();
	for (let day = range.start; day <= range.end; day++) {
		const refDate = formatDay(day);
		days.set(refDate, { ref_date: refDate, new_user: 0, cancel_user: 0 });
	}
	for (const entry of entries) {
		const total = days.get(String(entry.ref_date));
		// A day outside the range asked for is not ours to report.
		if (!total) continue;
		total.new_user += count(entry.new_user);
		total.cancel_user += count(entry.cancel_user);
	}
	for (const total of days.values()) {
		output.push({ json: { ...total, net_user: total.new_user - total.cancel_user }, pairedItem });
	}
};
