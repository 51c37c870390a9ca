import type { IDataObject } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { articleNumberOf, requiredIdOf } from '../draft/articles';
import type { OperationExecute } from '../node.type';
import { articleIdField } from './fields';
import { articleIdHint, refuseUnauthorised } from './status';

export const description = updateDisplayOptions({ show: { resource: ['publication'], operation: ['delete'] } }, [
	{ ...articleIdField, description: 'The article_id of the publication; deleting cannot be undone' },
	{
		displayName: 'Delete',
		name: 'deleteScope',
		type: 'options',
		options: [
			{ name: 'All Articles', value: 'all', description: 'The whole publication' },
			{ name: 'One Article', value: 'one', description: 'One article of the publication, by its number' },
		],
		default: 'all',
	},
	{
		displayName: 'Article Number',
		name: 'articleNumber',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 8 },
		default: 1,
		description: 'Which article to delete: 1 for the first (as idx in Get Status)',
		displayOptions: { show: { deleteScope: ['one'] } },
	},
]);

/**
 * Deletes a published article (freepublish/delete, WeChat's index: 1 for the first, 0 for all);
 * outputs { success, article_id, index }. Deleting again ends the same, so it is retried like a read.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const articleId = requiredIdOf(this, itemIndex, 'articleId', 'article ID', articleIdHint);
	const index = this.getNodeParameter('deleteScope', itemIndex) === 'one' ? articleNumberOf(this, itemIndex, 'articleNumber', 8) : 0;
	const answer = await client.request<IDataObject>(
		{ method: 'POST', path: '/cgi-bin/freepublish/delete', body: { article_id: articleId, index }, acceptErrcodes: [48001] },
		itemIndex,
	);
	refuseUnauthorised(this.getNode(), itemIndex, answer);
	output.push({
		json: { success: true, article_id: articleId, index, deleted: index === 0 ? 'all articles' : `article ${index}` },
		pairedItem: { item: itemIndex },
	});
};
