import { updateDisplayOptions } from '../../helpers/displayOptions';
import { contentListProperties, pullContentList } from '../draft/list';
import type { OperationExecute } from '../node.type';

export const description = updateDisplayOptions(
	{ show: { resource: ['publication'], operation: ['getAll'] } },
	contentListProperties('publication'),
);

/** The account's publications, one item each: { article_id, update_time, update_time_iso, article_count, news_item }. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	await pullContentList(this, client, itemIndex, output, { path: '/cgi-bin/freepublish/batchget', idField: 'article_id' });
};
