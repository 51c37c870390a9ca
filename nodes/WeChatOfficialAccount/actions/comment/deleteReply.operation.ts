import { commentChange } from './change';

/** Deletes the account's reply to a comment; outputs the comment's IDs with reply_deleted: true. */
export const { description, execute } = commentChange({
	operation: 'deleteReply',
	path: '/cgi-bin/comment/reply/delete',
	comment: true,
	result: { reply_deleted: true },
});
