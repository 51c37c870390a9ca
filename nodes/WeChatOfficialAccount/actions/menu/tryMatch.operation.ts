import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { requiredTextOf } from '../../helpers/itemParameters';
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
	const userId = requiredTextOf(
		this,
		itemIndex,
		'userId',
		'User ID',
		'Set "User ID" to a follower\'s OpenID or WeChat ID. The default {{ $json.openid }} reads the OpenID from the input item, as Follower → Get Many and the trigger output it.',
	);
	const response = await client.request<{ button?: IDataObject[] }>(
		{ method: 'POST', path: '/cgi-bin/menu/trymatch', body: { user_id: userId } },
		itemIndex,
	);
	output.push({ json: { user_id: userId, button: Array.isArray(response.button) ? response.button : [] }, pairedItem: { item: itemIndex } });
};
