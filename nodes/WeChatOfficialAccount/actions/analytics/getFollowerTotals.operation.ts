import { reportOperation } from './report';

/** Total followers at the end of each day (datacube/getusercumulate, 7 days per request): `{ ref_date, cumulate_user }`. */
export const { description, execute } = reportOperation(
	'getFollowerTotals',
	[],
	() => ({ path: '/datacube/getusercumulate', span: 7 }),
	(entry) => ({ ref_date: entry.ref_date, cumulate_user: entry.cumulate_user }),
);
