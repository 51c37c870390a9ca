import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { openidField } from '../../helpers/openids';
import type { BatchOperationExecute } from '../node.type';
import { messagesInFlightOption, miniProgramOptions, sendPerItem } from '../sending';
import { noticeTemplates, templateFieldNames, templateFieldsParameter, templatedMessageOf, templateIdField } from '../templates';

const properties: INodeProperties[] = [
	openidField('The follower who accepted the notice, e.g. {{ $json.openid }} from the trigger’s subscribe_msg_popup_event'),
	{ ...templateIdField, typeOptions: { loadOptionsMethod: 'getNoticeTemplates' } },
	templateFieldsParameter('noticeData', 'getNoticeFields', '{{thing1.DATA}}, {{time2.DATA}}'),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			messagesInFlightOption,
			...miniProgramOptions,
			{
				displayName: 'Page URL',
				name: 'page',
				type: 'string',
				default: '',
				placeholder: 'https://example.com/orders/123',
				description: 'The web page the notice opens when tapped',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['subscriptionNotice'], operation: ['send'] } }, properties);

/**
 * One subscription notice per input item (bizsend). WeChat offers no idempotency key for it: a
 * notice is repeated only where WeChat provably did not get it.
 */
export const executeBatch: BatchOperationExecute = async function (itemIndexes, client, continueOnFail) {
	// Only "Map Automatically" without the editor's schema needs the template list.
	const fieldNamesOf = templateFieldNames(async () => await noticeTemplates(client, itemIndexes[0]), 'priTmplId');
	return await sendPerItem(this, itemIndexes, continueOnFail, async (itemIndex) => {
		const body = await templatedMessageOf(this, itemIndex, 'noticeData', fieldNamesOf);
		const page = String((this.getNodeParameter('options', itemIndex, {}) as { page?: string }).page ?? '').trim();
		if (page) body.page = page;
		await client.request({ method: 'POST', path: '/cgi-bin/message/subscribe/bizsend', body, repeat: 'once' }, itemIndex);
		return { openid: body.touser, template_id: body.template_id, sent: true };
	});
};
