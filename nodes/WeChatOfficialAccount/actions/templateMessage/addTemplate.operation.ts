import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Library Template ID',
		name: 'templateIdShort',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'TM00015',
		description: "The template's number in WeChat's template library (the account's industries decide which it may use)",
	},
	{
		displayName: 'Keywords',
		name: 'keywordNames',
		type: 'string',
		default: '',
		placeholder: 'Order number, Carrier',
		description: 'For templates of the newer library: the keyword names to use, separated by commas. Leave empty for classic templates.',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['templateMessage'], operation: ['addTemplate'] } }, properties);

/** Adds a template from WeChat's library to the account; outputs its template_id. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const templateIdShort = String(this.getNodeParameter('templateIdShort', itemIndex) ?? '').trim();
	if (!templateIdShort) {
		throw new NodeOperationError(this.getNode(), 'The library template ID is empty', {
			description: "Enter the template's number from WeChat's template library, e.g. TM00015.",
			itemIndex,
		});
	}
	const keywordNames = String(this.getNodeParameter('keywordNames', itemIndex, '') ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	const response = await client.request<{ template_id?: string }>(
		{
			method: 'POST',
			path: '/cgi-bin/template/api_add_template',
			// A repeat after a lost answer would take a second of the account's 25 template slots.
			repeat: 'once',
			mayHaveHappened: 'The template may have been added',
			body: { template_id_short: templateIdShort, ...(keywordNames.length ? { keyword_name_list: keywordNames } : {}) },
		},
		itemIndex,
	);
	output.push({ json: { template_id: response.template_id, template_id_short: templateIdShort }, pairedItem: { item: itemIndex } });
};
