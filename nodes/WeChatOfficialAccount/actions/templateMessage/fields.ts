import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const templateIdField: INodeProperties = {
	displayName: 'Template Name or ID',
	name: 'templateId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTemplates' },
	required: true,
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

/** The template of an item, refused when empty. */
export function templateIdOf(context: IExecuteFunctions, itemIndex: number): string {
	const templateId = String(context.getNodeParameter('templateId', itemIndex) ?? '').trim();
	if (!templateId) {
		throw new NodeOperationError(context.getNode(), 'No template chosen', {
			description: 'Choose a template in "Template Name or ID", or give its ID with an expression.',
			itemIndex,
		});
	}
	return templateId;
}
