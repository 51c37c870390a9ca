import { granularityProperty, reportOperation, withRefTime } from './report';

/**
 * How the account's server answered WeChat's pushes: callback_count, fail_count, total_time_cost and
 * max_time_cost (ms), by day (datacube/getinterfacesummary, 30 days per request) or by hour
 * (getinterfacesummaryhour, 1 day; adds `ref_time`), with `average_time_cost`.
 */
export const { description, execute } = reportOperation(
	'getApiStats',
	[granularityProperty()],
	(context, itemIndex) =>
		context.getNodeParameter('granularity', itemIndex, 'day') === 'hour'
			? { path: '/datacube/getinterfacesummaryhour', span: 1 }
			: { path: '/datacube/getinterfacesummary', span: 30 },
	(entry) => {
		const calls = Number(entry.callback_count);
		const total = Number(entry.total_time_cost);
		return withRefTime({
			...entry,
			average_time_cost: calls > 0 && Number.isFinite(total) ? Math.round(total / calls) : null,
		});
	},
);
