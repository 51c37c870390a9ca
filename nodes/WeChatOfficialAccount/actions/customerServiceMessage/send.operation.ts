import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { openidField, openidOf } from '../../helpers/openids';
import type { BatchOperationExecute } from '../node.type';
import { messagesInFlightOption, sendPerItem } from '../sending';
import { contentProperties, customMessageOf } from './content';

const properties: INodeProperties[] = [
	openidField('The follower to answer; they must have interacted with the account in the last 48 hours'),
	...contentProperties,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'As Customer Service Account',
				name: 'kfAccount',
				type: 'string',
				default: '',
				placeholder: 'support@gh_abc123',
				description: 'Send as this customer-service account (kf_account) instead of the account itself',
			},
			messagesInFlightOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['customerServiceMessage'], operation: ['send'] } }, properties);

/**
 * One customer-service message per input item. WeChat cannot recognise a repeated one, so a send
 * is repeated only where WeChat provably did not get it; otherwise the item fails saying it may
 * have been sent.
 */
export const executeBatch: BatchOperationExecute = async function (itemIndexes, client, continueOnFail) {
	return await sendPerItem(this, itemIndexes, continueOnFail, async (itemIndex) => {
		const touser = openidOf(this, itemIndex);
		const message = customMessageOf(this, itemIndex);
		const kfAccount = String((this.getNodeParameter('options', itemIndex, {}) as { kfAccount?: string }).kfAccount ?? '').trim();
		await client.request(
			{
				method: 'POST',
				path: '/cgi-bin/message/custom/send',
				body: { touser, ...message, ...(kfAccount ? { customservice: { kf_account: kfAccount } } : {}) },
				repeat: 'once',
			},
			itemIndex,
		);
		return { openid: touser, msgtype: message.msgtype, sent: true };
	});
};
