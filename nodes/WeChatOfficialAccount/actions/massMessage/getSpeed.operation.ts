import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';

export const description = updateDisplayOptions({ show: { resource: ['massMessage'], operation: ['getSpeed'] } }, [] as INodeProperties[]);

/** The mass-sending speed: level 0 (fastest) to 4, and the real speed in 10,000 messages a minute. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const response = await client.request<IDataObject>({ method: 'POST', path: '/cgi-bin/message/mass/speed/get', body: {} }, itemIndex);
	output.push({ json: { speed: response.speed, realspeed: response.realspeed }, pairedItem: { item: itemIndex } });
};
