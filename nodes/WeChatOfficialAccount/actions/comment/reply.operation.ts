import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
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

/**
 * Replies to a comment; outputs the comment's IDs with the reply. Sent with repeat safety `safe`:
 * WeChat keeps one reply per comment and refuses a second (88005), so a repeated call cannot post twice.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const article = articleOf(this, itemIndex);
	const commentId = commentIdOf(this, itemIndex);
	const content = String(this.getNodeParameter('content', itemIndex) ?? '');
	if (content.trim() === '') {
		throw new NodeOperationError(this.getNode(), `Input item ${itemIndex + 1}: "Reply" is empty`, {
			description: 'Write the text of the reply; WeChat refuses an empty reply.',
			itemIndex,
		});
	}
	await client.request(
		{ method: 'POST', path: '/cgi-bin/comment/reply/add', body: { ...articleBody(article), user_comment_id: commentId, content } },
		itemIndex,
	);
	output.push({ json: { ...articleJson(article), user_comment_id: commentId, reply: content }, pairedItem: { item: itemIndex } });
};
