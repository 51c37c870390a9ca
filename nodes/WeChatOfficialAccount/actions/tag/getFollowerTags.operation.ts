import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { openidField, openidOf } from '../../helpers/openids';
import type { OperationExecute } from '../node.type';

const properties: INodeProperties[] = [
	openidField("The follower's OpenID. For many followers, Follower → Get returns the tag IDs too, for 100 followers per request."),
];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['getFollowerTags'] } }, properties);

/** The IDs of the tags one follower carries: { openid, tagid_list }. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const openid = openidOf(this, itemIndex);
	const response = await client.request<{ tagid_list?: number[] }>(
		{ method: 'POST', path: '/cgi-bin/tags/getidlist', body: { openid } },
		itemIndex,
	);
	output.push({ json: { openid, tagid_list: response.tagid_list ?? [] }, pairedItem: { item: itemIndex } });
};
