import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { placeholdersOf } from '../templates';

export const description = updateDisplayOptions({ show: { resource: ['templateMessage'], operation: ['getTemplates'] } }, [] as INodeProperties[]);

/** The account's private templates, one item each, with the field names their content asks for. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const response = await client.request<{ template_list?: IDataObject[] }>(
		{ method: 'GET', path: '/cgi-bin/template/get_all_private_template' },
		itemIndex,
	);
	for (const template of response.template_list ?? []) {
		output.push({ json: { ...template, fields: placeholdersOf(template.content) }, pairedItem: { item: itemIndex } });
	}
};
