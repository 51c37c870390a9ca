import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { limitOf, returnAllOrLimit } from '../../helpers/listParameters';
import { withIsoTimes } from '../../helpers/time';
import { pullOffsetList } from '../../transport/pagination';
import type { OperationExecute } from '../node.type';
import { articleBody, articleJson, articleNumberField, articleOf, msgDataIdField } from './fields';

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

/**
 * Comments asked for per page. WeChat's Chinese documentation says a count of 50 or more is
 * refused (>=50), its English one more than 50: 49 is safe under both readings.
 */
export const PAGE_SIZE = 49;

interface CommentListResponse extends IDataObject {
	total?: number;
	comment?: IDataObject[];
}

/**
 * The comments of one article, one item each: WeChat's fields (user_comment_id, openid,
 * create_time, content, comment_type, reply) with msg_data_id, article_number, create_time_iso,
 * elected and, for a reply, reply.create_time_iso added.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const article = articleOf(this, itemIndex);
	const type = Number(this.getNodeParameter('commentType', itemIndex, 0));
	await pullOffsetList<IDataObject>(this, {
		pageSize: PAGE_SIZE,
		itemIndex,
		noun: 'comments',
		keyOf: (comment) => String(comment.user_comment_id),
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
	const json: IDataObject = withIsoTimes({ ...article, ...comment }, 'create_time');
	json.elected = Number(comment.comment_type) === 1;
	const reply = comment.reply;
	if (reply && typeof reply === 'object' && !Array.isArray(reply)) {
		json.reply = withIsoTimes({ ...(reply as IDataObject) }, 'create_time');
	}
	return json;
}
