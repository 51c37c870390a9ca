import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { openidField } from '../../helpers/openids';
import type { BatchOperationExecute } from '../node.type';
import { idempotencyKeyOf, idempotencyKeyOption, messagesInFlightOption, miniProgramOptions, sendPerItem } from '../sending';
import { privateTemplates, templateFieldNames, templateFieldsParameter, templatedMessageOf, templateIdField } from '../templates';

const properties: INodeProperties[] = [
	openidField('The follower to send to, e.g. {{ $json.openid }} after Follower → Get Many or the trigger'),
	templateIdField,
	templateFieldsParameter('templateData', 'getTemplateFields', '{{first.DATA}}, {{keyword1.DATA}}'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			idempotencyKeyOption('10 minutes'),
			messagesInFlightOption,
			...miniProgramOptions,
			{
				displayName: 'URL',
				name: 'url',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/orders/123',
				description: 'The page the message opens when tapped',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['templateMessage'], operation: ['send'] } }, properties);

/**
 * One template message per input item. Each carries a `client_msg_id` WeChat honours for 10
 * minutes, so the node may repeat a send whose answer was lost: WeChat delivers it once.
 */
export const executeBatch: BatchOperationExecute = async function (itemIndexes, client, continueOnFail) {
	// Only "Map Automatically" without the editor's schema needs the template list.
	const fieldNamesOf = templateFieldNames(async () => await privateTemplates(client, itemIndexes[0]), 'template_id');
	return await sendPerItem(this, itemIndexes, continueOnFail, async (itemIndex) => {
		const message = await templatedMessageOf(this, itemIndex, 'templateData', fieldNamesOf);
		const url = String((this.getNodeParameter('options', itemIndex, {}) as { url?: string }).url ?? '').trim();
		if (url) message.url = url;
		const clientMsgId = idempotencyKeyOf(this, itemIndex, message);
		const response = await client.request<{ msgid?: number }>(
			{ method: 'POST', path: '/cgi-bin/message/template/send', body: { ...message, client_msg_id: clientMsgId }, repeat: 'keyed' },
			itemIndex,
		);
		return { openid: message.touser, template_id: message.template_id, msgid: response.msgid, client_msg_id: clientMsgId };
	});
};
