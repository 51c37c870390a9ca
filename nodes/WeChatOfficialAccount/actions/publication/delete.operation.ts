import type { IDataObject } from 'n8n-workflow';

import { articleNumberOf, requiredTextOf } from '../../helpers/itemParameters';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import { LIMITS } from '../draft/articles';
import type { OperationExecute } from '../node.type';
import { articleIdField } from './fields';
import { articleIdHint } from './status';

/** freepublish/delete's answer for an article_id it does not know, e.g. a publication already deleted. */
const UNKNOWN_ARTICLE_ID = 53600;

export const description = updateDisplayOptions({ show: { resource: ['publication'], operation: ['delete'] } }, [
	{ ...articleIdField, description: 'The article_id of the publication; deleting cannot be undone' },
	{
		displayName: 'Scope',
		name: 'deleteScope',
		type: 'options',
		options: [
			{
				name: 'All Articles of the Publication',
				value: 'all',
				description: 'Every article of the publication, for good',
			},
			{ name: 'One Article', value: 'one', description: 'One article of the publication, chosen by its number' },
		],
		default: 'one',
		description: 'What to delete; deleting cannot be undone',
	},
	{
		displayName: 'Article Number',
		name: 'articleNumber',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: LIMITS.articles },
		default: 1,
		description: 'Which article to delete: 1 for the first (as idx in Get Status)',
		displayOptions: { show: { deleteScope: ['one'] } },
	},
]);

/**
 * Deletes one published article, or all articles of a publication (freepublish/delete, WeChat's
 * index: 1 for the first, 0 for all). Outputs { success, article_id, scope, article_number (one
 * article), already_deleted }. Deleting ends the same however often it is made, so it is repeated
 * after a lost answer; when that repeat finds the publication gone (53600), the lost attempt
 * deleted it: success with already_deleted: true. A first attempt answered 53600 still fails.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const articleId = requiredTextOf(this, itemIndex, 'articleId', 'Article ID', articleIdHint);
	const scope = this.getNodeParameter('deleteScope', itemIndex) === 'all' ? 'all' : 'one';
	const number = scope === 'one' ? articleNumberOf(this, itemIndex) : undefined;
	const answer = await client.request<IDataObject>(
		{
			method: 'POST',
			path: '/cgi-bin/freepublish/delete',
			body: { article_id: articleId, index: number ?? 0 },
			repeat: 'safe',
			acceptOnRepeat: [UNKNOWN_ARTICLE_ID],
		},
		itemIndex,
	);
	const json: IDataObject = { success: true, article_id: articleId, scope };
	if (number !== undefined) json.article_number = number;
	json.already_deleted = Number(answer.errcode) === UNKNOWN_ARTICLE_ID;
	output.push({ json, pairedItem: { item: itemIndex } });
};
