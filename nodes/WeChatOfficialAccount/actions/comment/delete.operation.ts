import { commentChange } from './change';

/**
 * Deletes a comment; outputs the comment's IDs with deleted: true and already_deleted (true when
 * a repeat after a lost answer found it gone: 88008 unknown comment, or 88004 deleted).
 */
export const { description, execute } = commentChange({
	operation: 'delete',
	path: '/cgi-bin/comment/delete',
	comment: true,
	result: { deleted: true },
	alreadyDone: { errcodes: [88008, 88004], field: 'already_deleted' },
});
