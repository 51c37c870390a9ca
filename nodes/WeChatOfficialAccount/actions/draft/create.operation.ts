import type { IDataObject } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { articlesCollection, articlesInputField, articlesJsonField, articlesOf } from './articles';

export const description = updateDisplayOptions({ show: { resource: ['draft'], operation: ['create'] } }, [
	articlesInputField('articles'),
	articlesCollection,
	articlesJsonField,
]);

/**
 * Saves one draft per input item; outputs { media_id, article_count, titles }. WeChat cannot
 * recognise a repeated draft/add, so a call that may have reached it is not repeated: a second
 * copy of the draft would appear in the draft box.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const articles = articlesOf(this, itemIndex);
	const response = await client.request<{ media_id?: string } & IDataObject>(
		{
			method: 'POST',
			path: '/cgi-bin/draft/add',
			body: { articles },
			repeat: 'once',
			mayHaveHappened: 'The draft may have been created',
		},
		itemIndex,
	);
	output.push({
		json: { media_id: response.media_id, article_count: articles.length, titles: articles.map((article) => article.title) },
		pairedItem: { item: itemIndex },
	});
};
