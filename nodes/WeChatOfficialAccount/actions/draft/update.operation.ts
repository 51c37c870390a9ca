import { articleNumberOf, requiredTextOf } from '../../helpers/itemParameters';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { LIMITS, articleCollection, articleOf, articleJsonField, articlesInputField } from './articles';
import { DRAFT_ID_HINT, draftMediaIdField } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['draft'], operation: ['update'] } }, [
	draftMediaIdField,
	{
		displayName: 'Article Number',
		name: 'articleNumber',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: LIMITS.articles },
		default: 1,
		description: 'Which article of the draft to replace: 1 for the first',
	},
	articlesInputField('article'),
	articleCollection,
	articleJsonField,
]);

/**
 * Replaces one article of a draft. The node numbers articles from 1; WeChat's draft/update counts
 * from 0, so article 1 is sent as index 0. Outputs { success, media_id, article_number }.
 * Writing the same article again ends the same, so it is repeated after a lost answer ('safe').
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const mediaId = requiredTextOf(this, itemIndex, 'mediaId', 'Draft Media ID', DRAFT_ID_HINT);
	const number = articleNumberOf(this, itemIndex);
	const article = articleOf(this, itemIndex, number);
	await client.request(
		{ method: 'POST', path: '/cgi-bin/draft/update', body: { media_id: mediaId, index: number - 1, articles: article }, repeat: 'safe' },
		itemIndex,
	);
	output.push({ json: { success: true, media_id: mediaId, article_number: number }, pairedItem: { item: itemIndex } });
};
