import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { msgIdField, msgIdOf } from './fields';

const properties: INodeProperties[] = [
	msgIdField,
	{
		displayName: 'Article Number',
		name: 'articleIndex',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: 0,
		description: 'Which article of a multi-article message to delete, counting from 1; 0 deletes them all',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['massMessage'], operation: ['delete'] } }, properties);

/** Deletes a sent mass message's articles from followers' view (within WeChat's deletion window). */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const msgId = msgIdOf(this, itemIndex);
	const articleIndex = Number(this.getNodeParameter('articleIndex', itemIndex, 0));
	await client.request(
		{ method: 'POST', path: '/cgi-bin/message/mass/delete', body: { msg_id: msgId, ...(articleIndex ? { article_idx: articleIndex } : {}) } },
		itemIndex,
	);
	output.push({ json: { success: true, msg_id: msgId, article_idx: articleIndex }, pairedItem: { item: itemIndex } });
};
