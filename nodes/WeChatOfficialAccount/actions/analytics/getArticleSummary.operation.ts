import { reportOperation } from './report';

/**
 * Each article's reads, shares and favourites on each day it was read (datacube/getarticlesummary,
 * one day per request): WeChat's entries as they are (`ref_date, msgid, title, int_page_read_user, …`).
 */
export const { description, execute } = reportOperation('getArticleSummary', [], () => ({
	path: '/datacube/getarticlesummary',
	span: 1,
}));
