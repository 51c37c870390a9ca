import { commentChange } from './change';

/** Opens comments on a published article; outputs { msg_data_id, article_number, comments: 'open' }. */
export const { description, execute } = commentChange({
	operation: 'open',
	path: '/cgi-bin/comment/open',
	comment: false,
	result: { comments: 'open' },
});
