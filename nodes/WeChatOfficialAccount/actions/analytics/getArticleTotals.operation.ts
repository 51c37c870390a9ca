import { reportOperation } from './report';

/**
 * Articles sent on each day with their statistics since (datacube/getarticletotal, one day per
 * request): WeChat's entries (`ref_date, msgid, title, details: [{ stat_date, target_user, … }]`).
 */
export const { description, execute } = reportOperation('getArticleTotals', [], () => ({
	path: '/datacube/getarticletotal',
	span: 1,
}));
