import type { IDataObject } from 'n8n-workflow';

import { requiredTextOf } from '../../helpers/itemParameters';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { articleIdField } from './fields';
import { articleIdHint } from './status';

export const description = updateDisplayOptions({ show: { resource: ['publication'], operation: ['getArticle'] } }, [articleIdField]);

/** A publication's articles: { article_id, article_count, news_item } (each with url and is_deleted). */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const articleId = requiredTextOf(this, itemIndex, 'articleId', 'Article ID', articleIdHint);
	const answer = await client.request<{ news_item?: IDataObject[] } & IDataObject>(
		{ method: 'POST', path: '/cgi-bin/freepublish/getarticle', body: { article_id: articleId } },
		itemIndex,
	);
	const articles = Array.isArray(answer.news_item) ? answer.news_item : [];
	output.push({ json: { article_id: articleId, article_count: articles.length, news_item: articles }, pairedItem: { item: itemIndex } });
};
