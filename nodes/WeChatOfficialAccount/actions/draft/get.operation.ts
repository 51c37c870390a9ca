import type { IDataObject } from 'n8n-workflow';

import { requiredTextOf } from '../../helpers/itemParameters';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { DRAFT_ID_HINT, draftMediaIdField } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['draft'], operation: ['get'] } }, [draftMediaIdField]);

/** One draft: { media_id, article_count, news_item } (news_item as WeChat gives it, with each article's preview url). */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const mediaId = requiredTextOf(this, itemIndex, 'mediaId', 'Draft Media ID', DRAFT_ID_HINT);
	const response = await client.request<{ news_item?: IDataObject[] } & IDataObject>(
		{ method: 'POST', path: '/cgi-bin/draft/get', body: { media_id: mediaId } },
		itemIndex,
	);
	const articles = Array.isArray(response.news_item) ? response.news_item : [];
	output.push({ json: { media_id: mediaId, article_count: articles.length, news_item: articles }, pairedItem: { item: itemIndex } });
};
