import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { openidField, openidOf } from '../../helpers/openids';
import type { BatchOperationExecute } from '../node.type';
import { messagesInFlightOption, sendPerItem } from '../sending';
import { massContentProperties, massMessageOf } from './content';

const properties: INodeProperties[] = [
	openidField('The follower who receives the preview (e.g. your own OpenID)'),
	...massContentProperties,
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [messagesInFlightOption] },
];

export const description = updateDisplayOptions({ show: { resource: ['massMessage'], operation: ['preview'] } }, properties);

/** Sends a mass message to one follower to check it; it does not count against the mass quota. */
export const executeBatch: BatchOperationExecute = async function (itemIndexes, client, continueOnFail) {
	return await sendPerItem(this, itemIndexes, continueOnFail, async (itemIndex) => {
		const touser = openidOf(this, itemIndex);
		const message = massMessageOf(this, itemIndex);
		const response = await client.request<{ msg_id?: number }>(
			{ method: 'POST', path: '/cgi-bin/message/mass/preview', body: { touser, ...message }, repeat: 'once' },
			itemIndex,
		);
		return { openid: touser, msgtype: message.msgtype, msg_id: response.msg_id };
	});
};
