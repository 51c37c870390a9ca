import { commentChange } from './change';

/**
 * Deletes the account's reply to a comment; outputs the comment's IDs with reply_deleted: true
 * and already_deleted (true when a repeat after a lost answer found no reply: 88009).
 */
export const { description, execute } = commentChange({
	operation: 'deleteReply',
	path: '/cgi-bin/comment/reply/delete',
	comment: true,
	result: { reply_deleted: true },
	alreadyDone: { errcodes: [88009], field: 'already_deleted' },
});
