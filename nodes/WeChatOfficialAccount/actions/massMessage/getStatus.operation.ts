import type { IDataObject } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { msgIdField, msgIdOf } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['massMessage'], operation: ['getStatus'] } }, [msgIdField]);

/** Where a mass job stands: SEND_SUCCESS, SENDING, SEND_FAIL or DELETE. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const msgId = msgIdOf(this, itemIndex);
	const response = await client.request<IDataObject>({ method: 'POST', path: '/cgi-bin/message/mass/get', body: { msg_id: msgId } }, itemIndex);
	output.push({ json: { msg_id: response.msg_id ?? msgId, msg_status: response.msg_status }, pairedItem: { item: itemIndex } });
};
