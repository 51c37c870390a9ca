import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { requiredTextOf } from '../../helpers/itemParameters';
import type { OperationExecute } from '../node.type';
import { articleBody, articleJson, articleNumberField, articleOf, commentIdField, commentIdOf, msgDataIdField } from './fields';

const properties: INodeProperties[] = [
	msgDataIdField,
	articleNumberField,
	commentIdField,
	{
		displayName: 'Reply',
		name: 'content',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description: 'The account’s answer, shown under the comment. A comment takes one reply: delete it (Delete Reply) to write another.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['comment'], operation: ['reply'] } }, properties);

/** WeChat's answer when the comment already has a reply. */
const ALREADY_REPLIED = 88005;

/**
 * Replies to a comment; outputs the comment's IDs with `reply: { content }` (the shape Get Many
 * gives) and `already_replied`. Sent with repeat safety `safe`: WeChat keeps one reply per comment
 * and refuses a second (88005), so a repeat cannot post twice; a repeat after an attempt whose
 * answer was lost meets that 88005, which then means the reply was posted (already_replied: true).
 * A first attempt answered 88005 still fails: the comment had another reply.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const article = articleOf(this, itemIndex);
	const commentId = commentIdOf(this, itemIndex);
	const content = requiredTextOf(this, itemIndex, 'content', 'Reply', 'Write the text of the reply; WeChat refuses an empty reply.');
	const response = await client.request(
		{
			method: 'POST',
			path: '/cgi-bin/comment/reply/add',
			body: { ...articleBody(article), user_comment_id: commentId, content },
			repeat: 'safe',
			acceptOnRepeat: [ALREADY_REPLIED],
		},
		itemIndex,
	);
	output.push({
		json: {
			...articleJson(article),
			user_comment_id: commentId,
			reply: { content },
			already_replied: Number(response.errcode ?? 0) === ALREADY_REPLIED,
		},
		pairedItem: { item: itemIndex },
	});
};
