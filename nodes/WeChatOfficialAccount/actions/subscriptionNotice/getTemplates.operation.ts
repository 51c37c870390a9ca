import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { placeholdersOf } from '../templates';

export const description = updateDisplayOptions({ show: { resource: ['subscriptionNotice'], operation: ['getTemplates'] } }, [] as INodeProperties[]);

/** The account's subscription-notice templates, one item each, with the field names they ask for. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const response = await client.request<{ data?: IDataObject[] }>({ method: 'GET', path: '/wxaapi/newtmpl/gettemplate' }, itemIndex);
	for (const template of response.data ?? []) {
		output.push({ json: { ...template, fields: placeholdersOf(template.content) }, pairedItem: { item: itemIndex } });
	}
};
