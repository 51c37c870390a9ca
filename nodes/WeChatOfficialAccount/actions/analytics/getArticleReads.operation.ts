import { granularityProperty, reportOperation, withRefTime } from './report';

/**
 * Article reads, shares and favourites of the whole account by day (datacube/getuserread, 3 days
 * per request) or by hour (getuserreadhour, 1 day; adds `ref_time`).
 */
export const { description, execute } = reportOperation(
	'getArticleReads',
	[granularityProperty()],
	(context, itemIndex) =>
		context.getNodeParameter('granularity', itemIndex, 'day') === 'hour'
			? { path: '/datacube/getuserreadhour', span: 1 }
			: { path: '/datacube/getuserread', span: 3 },
	withRefTime,
);
