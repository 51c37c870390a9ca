import type { IExecuteFunctions } from 'n8n-workflow';

import { invalidParameter } from '../../helpers/itemParameters';
import { countIntervalName, messageTypeName } from './names';
import type { Endpoint } from './report';
import { reportOperation, withRefTime } from './report';

/** Each report: its endpoint and WeChat's maximum span per request. */
const MESSAGE_REPORTS: Record<string, Endpoint> = {
	day: { path: '/datacube/getupstreammsg', span: 7 },
	hour: { path: '/datacube/getupstreammsghour', span: 1 },
	week: { path: '/datacube/getupstreammsgweek', span: 30, period: 'week' },
	month: { path: '/datacube/getupstreammsgmonth', span: 30, period: 'month' },
	distDay: { path: '/datacube/getupstreammsgdist', span: 15 },
	distWeek: { path: '/datacube/getupstreammsgdistweek', span: 30, period: 'week' },
	distMonth: { path: '/datacube/getupstreammsgdistmonth', span: 30, period: 'month' },
};

function endpointOf(context: IExecuteFunctions, itemIndex: number): Endpoint {
	const report = context.getNodeParameter('report', itemIndex, 'day') as string;
	const endpoint = MESSAGE_REPORTS[report];
	if (!endpoint) {
		throw invalidParameter(
			context,
			itemIndex,
			'Report',
			`must be one of By Day, By Hour, By Week, By Month, Distribution by Day, Distribution by Week, Distribution by Month, not ${JSON.stringify(report)}`,
			'Report is chosen on the node; with an expression it must give day, hour, week, month, distDay, distWeek or distMonth.',
		);
	}
	return endpoint;
}

/**
 * Messages followers sent to the account (datacube/getupstreammsg*): per period and message type
 * `{ ref_date, msg_type, msg_type_name, msg_user, msg_count }` (hourly adds ref_hour and ref_time),
 * or the distribution of followers by how many messages they sent
 * `{ ref_date, count_interval, count_interval_name, msg_user }`.
 */
export const { description, execute } = reportOperation(
	'getMessageStats',
	[
		{
			displayName: 'Report',
			name: 'report',
			type: 'options',
			options: [
				{ name: 'By Day', value: 'day', description: 'Followers and messages per day and message type' },
				{ name: 'By Hour', value: 'hour', description: 'Per hour of each day and message type' },
				{ name: 'By Month', value: 'month', description: 'Per month and message type' },
				{ name: 'By Week', value: 'week', description: 'Per week and message type' },
				{ name: 'Distribution by Day', value: 'distDay', description: 'Followers by how many messages they sent each day' },
				{ name: 'Distribution by Month', value: 'distMonth', description: 'Followers by how many messages they sent each month' },
				{ name: 'Distribution by Week', value: 'distWeek', description: 'Followers by how many messages they sent each week' },
			],
			default: 'day',
		},
	],
	endpointOf,
	(entry) =>
		withRefTime(
			entry.count_interval !== undefined
				? { ...entry, count_interval_name: countIntervalName(entry.count_interval) }
				: { ...entry, msg_type_name: messageTypeName(entry.msg_type) },
		),
);
