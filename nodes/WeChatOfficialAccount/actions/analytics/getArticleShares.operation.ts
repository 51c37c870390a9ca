import { shareSceneName } from './names';
import { granularityProperty, reportOperation, withRefTime } from './report';

/**
 * Article shares by scene, by day (datacube/getusershare, 7 days per request) or by hour
 * (getusersharehour, 1 day; adds `ref_time`), with `share_scene_name`.
 */
export const { description, execute } = reportOperation(
	'getArticleShares',
	[granularityProperty()],
	(context, itemIndex) =>
		context.getNodeParameter('granularity', itemIndex, 'day') === 'hour'
			? { path: '/datacube/getusersharehour', span: 1 }
			: { path: '/datacube/getusershare', span: 7 },
	(entry) => withRefTime({ ...entry, share_scene_name: shareSceneName(entry.share_scene) }),
);
