import type { IDataObject } from 'n8n-workflow';

import { requiredTextOf } from '../../helpers/itemParameters';
import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { publishIdHint, statusItem } from './status';

export const description = updateDisplayOptions({ show: { resource: ['publication'], operation: ['getStatus'] } }, [
	{
		displayName: 'Publish ID',
		name: 'publishId',
		type: 'string',
		required: true,
		default: '={{ $json.publish_id }}',
		description: 'The publish_id that Publication → Publish returned',
	},
]);

/**
 * The state of a publishing job: { publish_id, publish_status, status, article_id, article_detail,
 * article_url, fail_idx }. A failed job is data here, not an error. WeChat's freepublish/get does
 * not return msg_data_id: keep it from Publish's output.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const publishId = requiredTextOf(this, itemIndex, 'publishId', 'Publish ID', publishIdHint);
	const answer = await client.request<IDataObject>({ method: 'POST', path: '/cgi-bin/freepublish/get', body: { publish_id: publishId } }, itemIndex);
	output.push({ json: statusItem(answer), pairedItem: { item: itemIndex } });
};
