import { commentChange } from './change';

/** Deletes a comment; outputs the comment's IDs with deleted: true. */
export const { description, execute } = commentChange({
	operation: 'delete',
	path: '/cgi-bin/comment/delete',
	comment: true,
	result: { deleted: true },
});
