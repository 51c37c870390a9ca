import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { contentListProperties, pullContentList } from './list';

export const description = updateDisplayOptions({ show: { resource: ['draft'], operation: ['getAll'] } }, contentListProperties('draft'));

/** The account's drafts, one item each: { media_id, update_time, update_time_iso, article_count, news_item }. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	await pullContentList(this, client, itemIndex, output, { path: '/cgi-bin/draft/batchget', idField: 'media_id' });
};
