import { commentChange } from './change';

/** Takes a comment out of the elected comments; outputs the comment's IDs with elected: false. */
export const { description, execute } = commentChange({
	operation: 'unelect',
	path: '/cgi-bin/comment/unmarkelect',
	comment: true,
	result: { elected: false },
});
