import { commentChange } from './change';

/** Closes comments on a published article (existing comments stay); outputs { msg_data_id, article_number, comments: 'closed' }. */
export const { description, execute } = commentChange({
	operation: 'close',
	path: '/cgi-bin/comment/close',
	comment: false,
	result: { comments: 'closed' },
});
