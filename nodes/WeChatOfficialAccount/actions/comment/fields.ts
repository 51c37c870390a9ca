import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { MAX_ARTICLES, articleNumberOf, invalidParameter } from '../../helpers/itemParameters';

/** Where a msg_data_id comes from, for the parameter's description and the refusals. */
const MSG_DATA_ID_SOURCE =
	'Publication → Publish outputs it (also when it waits for the result), Mass Message → Send outputs it for articles sent to followers, and Comment → Get Many passes it on';

export const msgDataIdField: INodeProperties = {
	displayName: 'Message Data ID',
	name: 'msgDataId',
	type: 'string',
	required: true,
	default: '={{ $json.msg_data_id }}',
	placeholder: '2247483647',
	description: `The msg_data_id of the published articles. ${MSG_DATA_ID_SOURCE}.`,
};

/**
 * The article's position in its publication, counted from 1 as everywhere in this node; the
 * comment API counts from 0, the node converts.
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

/** A positive whole number (an ID) from a parameter that may hold a number or a string of digits. */
function positiveIdOf(context: IExecuteFunctions, itemIndex: number, parameter: string, field: string, hint: string): number {
	const raw = context.getNodeParameter(parameter, itemIndex, '') as unknown;
	const text = typeof raw === 'number' ? String(raw) : String(raw ?? '').trim();
	const number = /^\d{1,16}$/.test(text) ? Number(text) : NaN;
	if (!(number >= 1 && Number.isSafeInteger(number))) {
		throw invalidParameter(context, itemIndex, field, `must be a positive whole number, not ${JSON.stringify(raw ?? '')}`, hint);
	}
	return number;
}

/** Message Data ID and Article Number of one item, refused before any request when invalid. */
export function articleOf(context: IExecuteFunctions, itemIndex: number): ArticleRef {
	const msgDataId = positiveIdOf(
		context,
		itemIndex,
		'msgDataId',
		'Message Data ID',
		`Use the msg_data_id of the published articles, e.g. with the expression {{ $json.msg_data_id }}: ${MSG_DATA_ID_SOURCE}.`,
	);
	const articleNumber = articleNumberOf(context, itemIndex);
	return { msgDataId, articleNumber, index: articleNumber - 1 };
}

/** The Comment ID of one item, refused before any request when it is not a positive whole number. */
export function commentIdOf(context: IExecuteFunctions, itemIndex: number): number {
	return positiveIdOf(
		context,
		itemIndex,
		'commentId',
		'Comment ID',
		'Use the user_comment_id that Comment → Get Many returned, e.g. with the expression {{ $json.user_comment_id }}.',
	);
}

/** The request body naming the article. */
export function articleBody(article: ArticleRef): IDataObject {
	return { msg_data_id: article.msgDataId, index: article.index };
}

/** The fields every output item of a comment operation starts with. */
export function articleJson(article: ArticleRef): IDataObject {
	return { msg_data_id: article.msgDataId, article_number: article.articleNumber };
}
