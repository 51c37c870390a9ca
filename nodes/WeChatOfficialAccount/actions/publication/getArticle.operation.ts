import type { IDataObject } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { requiredIdOf } from '../draft/articles';
import type { OperationExecute } from '../node.type';
import { articleIdField } from './fields';
import { articleIdHint, refuseUnauthorised } from './status';

export const description = updateDisplayOptions({ show: { resource: ['publication'], operation: ['getArticle'] } }, [articleIdField]);

/** A publication's articles: { article_id, article_count, news_item } (each with url and is_deleted). */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const articleId = requiredIdOf(this, itemIndex, 'articleId', 'article ID', articleIdHint);
	const answer = await client.request<{ news_item?: IDataObject[] } & IDataObject>(
		{ method: 'POST', path: '/cgi-bin/freepublish/getarticle', body: { article_id: articleId }, acceptErrcodes: [48001] },
		itemIndex,
	);
	refuseUnauthorised(this.getNode(), itemIndex, answer);
	const articles = Array.isArray(answer.news_item) ? answer.news_item : [];
	output.push({ json: { article_id: articleId, article_count: articles.length, news_item: articles }, pairedItem: { item: itemIndex } });
};
