import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { templateIdField, templateIdOf } from '../templates';

export const description = updateDisplayOptions({ show: { resource: ['templateMessage'], operation: ['deleteTemplate'] } }, [templateIdField] as INodeProperties[]);

/** Removes a private template from the account (25 at most are kept). */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const templateId = templateIdOf(this, itemIndex);
	await client.request({ method: 'POST', path: '/cgi-bin/template/del_private_template', body: { template_id: templateId } }, itemIndex);
	output.push({ json: { success: true, template_id: templateId }, pairedItem: { item: itemIndex } });
};
