import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

/** A publication has at most 8 articles (a draft takes 1 to 8). */
export const MAX_ARTICLES = 8;

export const msgDataIdField: INodeProperties = {
	displayName: 'Message Data ID',
	name: 'msgDataId',
	type: 'string',
	required: true,
	default: '={{ $json.msg_data_id }}',
	placeholder: '2247483647',
	description: 'The msg_data_id of the published articles (from Publication → Publish or Get Status, or from Comment → Get Many)',
};

/**
 * The article's position in its publication, counted from 1 as Publication → Delete and
 * WeChat's publishing answers count; the comment API counts from 0, the node converts.
 */
export const articleNumberField: INodeProperties = {
	displayName: 'Article Number',
	name: 'articleNumber',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: MAX_ARTICLES },
	required: true,
	default: 1,
	description: 'Which article of the publication: 1 for the first (a publication has up to 8). Comment → Get Many outputs it as article_number.',
};

export const commentIdField: INodeProperties = {
	displayName: 'Comment ID',
	name: 'commentId',
	type: 'string',
	required: true,
	default: '={{ $json.user_comment_id }}',
	placeholder: '1',
	description: 'The user_comment_id of the comment, as Comment → Get Many outputs it',
};

/** The article an item is about: WeChat's msg_data_id and the article's 0-based index. */
export interface ArticleRef {
	msgDataId: number;
	/** 1-based, as the user enters it */
	articleNumber: number;
	/** 0-based, as the comment API takes it */
	index: number;
}

/** A positive integer from a parameter that may hold a number or a string of digits. */
function positiveInteger(value: unknown): number | undefined {
	const text = typeof value === 'number' ? String(value) : String(value ?? '').trim();
	if (!/^\d{1,15}$/.test(text)) return undefined;
	const number = Number(text);
	return number > 0 ? number : undefined;
}

/** Message Data ID and Article Number of one item, refused before any request when invalid. */
export function articleOf(context: IExecuteFunctions, itemIndex: number): ArticleRef {
	const rawId = context.getNodeParameter('msgDataId', itemIndex);
	const msgDataId = positiveInteger(rawId);
	if (msgDataId === undefined) {
		throw new NodeOperationError(
			context.getNode(),
			`Input item ${itemIndex + 1}: "Message Data ID" must be a positive whole number, not "${String(rawId ?? '')}"`,
			{
				description: 'Use the msg_data_id that Publication → Publish or Get Status returned for the published articles, e.g. with the expression {{ $json.msg_data_id }}.',
				itemIndex,
			},
		);
	}
	const rawNumber = context.getNodeParameter('articleNumber', itemIndex);
	const articleNumber = positiveInteger(rawNumber);
	if (articleNumber === undefined || articleNumber > MAX_ARTICLES) {
		throw new NodeOperationError(
			context.getNode(),
			`Input item ${itemIndex + 1}: "Article Number" must be a whole number from 1 to ${MAX_ARTICLES}, not "${String(rawNumber ?? '')}"`,
			{
				description: 'Articles of a publication are numbered from 1 (the first article) to 8 at most.',
				itemIndex,
			},
		);
	}
	return { msgDataId, articleNumber, index: articleNumber - 1 };
}

/** The Comment ID of one item, refused before any request when it is not a positive whole number. */
export function commentIdOf(context: IExecuteFunctions, itemIndex: number): number {
	const raw = context.getNodeParameter('commentId', itemIndex);
	const commentId = positiveInteger(raw);
	if (commentId === undefined) {
		throw new NodeOperationError(
			context.getNode(),
			`Input item ${itemIndex + 1}: "Comment ID" must be a positive whole number, not "${String(raw ?? '')}"`,
			{
				description: 'Use the user_comment_id that Comment → Get Many returned, e.g. with the expression {{ $json.user_comment_id }}.',
				itemIndex,
			},
		);
	}
	return commentId;
}

/** The request body naming the article. */
export function articleBody(article: ArticleRef): IDataObject {
	return { msg_data_id: article.msgDataId, index: article.index };
}

/** The fields every output item of a comment operation starts with. */
export function articleJson(article: ArticleRef): IDataObject {
	return { msg_data_id: article.msgDataId, article_number: article.articleNumber };
}

/** ISO time of Unix seconds, or undefined when WeChat sent none. */
export function isoOf(seconds: unknown): string | undefined {
	const value = Number(seconds);
	return Number.isFinite(value) && value > 0 ? new Date(value * 1000).toISOString() : undefined;
}
