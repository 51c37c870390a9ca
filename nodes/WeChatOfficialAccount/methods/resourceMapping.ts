import type { IDataObject, ILoadOptionsFunctions, ResourceMapperField, ResourceMapperFields } from 'n8n-workflow';

import { noticeTemplates, placeholdersOf, privateTemplates } from '../actions/templates';
import { createApiClient } from '../transport/request';

/** The fields of the chosen template message, read from its content: {{first.DATA}} → "first". */
export async function getTemplateFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const templateId = String(this.getNodeParameter('templateId', '') ?? '');
	const template = (await privateTemplates(await createApiClient(this))).find((candidate) => candidate.template_id === templateId);
	return fieldsOf(template, 'Template Message → Get Templates');
}

/** The fields of the chosen subscription-notice template: {{thing1.DATA}} → "thing1". */
export async function getNoticeFields(this: ILoadOptionsFunctions): Promise<ResourceMapperFields> {
	const templateId = String(this.getNodeParameter('templateId', '') ?? '');
	const template = (await noticeTemplates(await createApiClient(this))).find((candidate) => candidate.priTmplId === templateId);
	return fieldsOf(template, 'Subscription Notice → Get Templates');
}

function fieldsOf(template: IDataObject | undefined, where: string): ResourceMapperFields {
	if (!template) {
		return {
			fields: [],
			// n8n's editor does not fetch the fields again while another parameter is an expression it cannot
			// resolve yet ({{ $json.openid }} without input, $fromAI in a tool): Retry does.
			emptyFieldsNotice: `Choose a template first; ${where} lists them. Chose one and still see this? Click Retry (or reopen the node).`,
		};
	}
	const fields: ResourceMapperField[] = placeholdersOf(template.content).map((name) => ({
		id: name,
		displayName: name,
		required: false,
		defaultMatch: false,
		display: true,
		type: 'string',
		canBeUsedToMatch: false,
	}));
	return { fields, ...(fields.length ? {} : { emptyFieldsNotice: 'This template has no fields.' }) };
}
