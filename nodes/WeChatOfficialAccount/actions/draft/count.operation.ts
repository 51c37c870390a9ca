import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';

export const description = updateDisplayOptions({ show: { resource: ['draft'], operation: ['count'] } }, [] as INodeProperties[]);

/** How many drafts the account has: { total_count }. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const response = await client.request<{ total_count?: number } & IDataObject>({ method: 'GET', path: '/cgi-bin/draft/count' }, itemIndex);
	output.push({ json: { total_count: response.total_count }, pairedItem: { item: itemIndex } });
};
