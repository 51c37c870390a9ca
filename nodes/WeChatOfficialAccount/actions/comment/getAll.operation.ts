import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { limitOf, returnAllOrLimit } from '../../helpers/listParameters';
import { pullOffsetList } from '../../transport/pagination';
import type { OperationExecute } from '../node.type';
import { articleBody, articleJson, articleNumberField, articleOf, isoOf, msgDataIdField } from './fields';

const properties: INodeProperties[] = [
	msgDataIdField,
	articleNumberField,
	{
		displayName: 'Comment Type',
		name: 'commentType',
		type: 'options',
		options: [
			{ name: 'All', value: 0, description: 'Normal and elected comments' },
			{ name: 'Elected', value: 2, description: 'Only comments elected (featured) by the account' },
			{ name: 'Normal', value: 1, description: 'Only comments not elected' },
		],
		default: 0,
		description: 'Which comments to return',
	},
	...returnAllOrLimit,
];

export const description = updateDisplayOptions({ show: { resource: ['comment'], operation: ['getAll'] } }, properties);

/** WeChat's largest page of comment/list (more answers 88010). */
export const PAGE_SIZE = 50;

interface CommentListResponse extends IDataObject {
	total?: number;
	comment?: IDataObject[];
}

/**
 * The comments of one article, one item each: WeChat's fields (user_comment_id, openid,
 * create_time, content, comment_type, reply) with msg_data_id, article_number, created_at (ISO),
 * elected and, for a reply, reply.created_at added.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const article = articleOf(this, itemIndex);
	const type = Number(this.getNodeParameter('commentType', itemIndex, 0));
	await pullOffsetList<IDataObject>({
		pageSize: PAGE_SIZE,
		limit: limitOf(this, itemIndex),
		fetchPage: async (begin, count) => {
			const response = await client.request<CommentListResponse>(
				{ method: 'POST', path: '/cgi-bin/comment/list', body: { ...articleBody(article), begin, count, type } },
				itemIndex,
			);
			return { entries: Array.isArray(response.comment) ? response.comment : [], total: Number(response.total ?? 0) };
		},
		emit: (comments) => {
			for (const comment of comments) {
				output.push({ json: commentItem(articleJson(article), comment), pairedItem: { item: itemIndex } });
			}
		},
	});
};

function commentItem(article: IDataObject, comment: IDataObject): IDataObject {
	const json: IDataObject = { ...article, ...comment };
	const createdAt = isoOf(comment.create_time);
	if (createdAt) json.created_at = createdAt;
	json.elected = Number(comment.comment_type) === 1;
	const reply = comment.reply;
	if (reply && typeof reply === 'object' && !Array.isArray(reply)) {
		const replyCreatedAt = isoOf((reply as IDataObject).create_time);
		json.reply = { ...(reply as IDataObject), ...(replyCreatedAt ? { created_at: replyCreatedAt } : {}) };
	}
	return json;
}
