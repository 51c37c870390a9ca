import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { openidField, openidOf } from '../../helpers/openids';
import type { OperationExecute } from '../node.type';

/** WeChat's limit for a remark (备注名). */
export const MAX_REMARK_LENGTH = 30;

const properties: INodeProperties[] = [
	openidField("The follower's OpenID"),
	{
		displayName: 'Remark',
		name: 'remark',
		type: 'string',
		default: '',
		description: `The name the account keeps for this follower, up to ${MAX_REMARK_LENGTH} characters`,
	},
];

export const description = updateDisplayOptions({ show: { resource: ['follower'], operation: ['updateRemark'] } }, properties);

/** Sets the remark of one follower per input item (WeChat has no batch call for it). */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const openid = openidOf(this, itemIndex);
	const remark = String(this.getNodeParameter('remark', itemIndex));
	if ([...remark].length > MAX_REMARK_LENGTH) {
		throw new NodeOperationError(this.getNode(), `The remark is longer than WeChat's ${MAX_REMARK_LENGTH} characters`, {
			description: `Shorten it, e.g. with the expression {{ $json.name.slice(0, ${MAX_REMARK_LENGTH}) }}.`,
			itemIndex,
		});
	}
	await client.request({ method: 'POST', path: '/cgi-bin/user/info/updateremark', body: { openid, remark } }, itemIndex);
	output.push({ json: { success: true, openid, remark }, pairedItem: { item: itemIndex } });
};
