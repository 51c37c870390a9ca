import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		required: true,
		default: '={{ $json.openid }}',
		placeholder: 'oLVPpjqs9BhvzwPj5A-vTYAX3GLc',
		description: 'The OpenID of a follower, or their WeChat ID',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['menu'], operation: ['tryMatch'] } }, properties);

/** The menu a follower sees (a matching conditional menu, or the default): { user_id, button }. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const userId = String(this.getNodeParameter('userId', itemIndex) ?? '').trim();
	if (!userId) {
		throw new NodeOperationError(this.getNode(), `Input item ${itemIndex + 1} has no user ID`, {
			description: 'Set "User ID" to a follower\'s OpenID (e.g. {{ $json.openid }}) or WeChat ID.',
			itemIndex,
		});
	}
	const response = await client.request<{ button?: IDataObject[] }>(
		{ method: 'POST', path: '/cgi-bin/menu/trymatch', body: { user_id: userId } },
		itemIndex,
	);
	output.push({ json: { user_id: userId, button: Array.isArray(response.button) ? response.button : [] }, pairedItem: { item: itemIndex } });
};
