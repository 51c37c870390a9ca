import { commentChange } from './change';

/** Elects (features) a comment, shown to all readers; outputs the comment's IDs with elected: true. */
export const { description, execute } = commentChange({
	operation: 'elect',
	path: '/cgi-bin/comment/markelect',
	comment: true,
	result: { elected: true },
});
