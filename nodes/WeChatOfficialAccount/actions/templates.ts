import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { openidOf } from '../helpers/openids';
import type { WeChatApiClient } from '../transport/request';

/**
 * Templates of template messages and subscription notices: their lists, the field names their
 * content asks for, the Fields mapper the editor fills from them, and the `data` sent.
 */

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

/** The account's private templates (template messages), as WeChat lists them. */
export async function privateTemplates(client: WeChatApiClient, itemIndex = 0): Promise<IDataObject[]> {
	const response = await client.request<{ template_list?: IDataObject[] }>({ method: 'GET', path: '/cgi-bin/template/get_all_private_template' }, itemIndex);
	return Array.isArray(response.template_list) ? response.template_list : [];
}

/** The account's subscription-notice templates, as WeChat lists them. */
export async function noticeTemplates(client: WeChatApiClient, itemIndex = 0): Promise<IDataObject[]> {
	const response = await client.request<{ data?: IDataObject[] }>({ method: 'GET', path: '/wxaapi/newtmpl/gettemplate' }, itemIndex);
	return Array.isArray(response.data) ? response.data : [];
}

/**
 * The Fields mapper of a template message or subscription notice: one field per placeholder of
 * the chosen template, filled by the resourceMapping `method` whenever the template changes.
 */
export function templateFieldsParameter(name: string, method: string, example: string): INodeProperties {
	return {
		displayName: 'Fields',
		name,
		type: 'resourceMapper',
		noDataExpression: true,
		default: { mappingMode: 'defineBelow', value: null },
		required: true,
		typeOptions: {
			loadOptionsDependsOn: ['templateId'],
			resourceMapper: {
				resourceMapperMethod: method,
				mode: 'add',
				fieldWords: { singular: 'field', plural: 'fields' },
				addAllFields: true,
				multiKeyMatch: false,
				supportAutoMap: true,
			},
		},
		description: `The template's fields, read from its content (${example}, ...)`,
	};
}

/** `{{first.DATA}}`, `{{keyword1.DATA}}`, `{{thing1.DATA}}`: the field names a template's content asks for, in order. */
export function placeholdersOf(content: unknown): string[] {
	const names: string[] = [];
	for (const match of String(content ?? '').matchAll(/\{\{\s*([A-Za-z0-9_]+)\.DATA\s*\}\}/g)) {
		if (!names.includes(match[1])) names.push(match[1]);
	}
	return names;
}

interface MappedFields {
	mappingMode?: 'defineBelow' | 'autoMapInputData';
	value?: IDataObject | null;
	schema?: Array<{ id: string; removed?: boolean }>;
}

/** The field names of the template an item uses, read from WeChat (once per execution by the caller). */
export type TemplateFieldNames = (templateId: string) => Promise<string[]>;

/**
 * The `data` of a template message or subscription notice from the Fields mapper:
 * `{ keyword1: { value: '…' } }`. "Map Automatically" takes the input item's fields named like
 * the template's; the names come from the mapper's schema, or, when the editor had none (a
 * template chosen by expression), from the template itself. Empty fields are left out; a message
 * with no field at all is refused before sending (WeChat would send an empty card).
 */
export async function templateDataOf(
	context: IExecuteFunctions,
	itemIndex: number,
	parameterName: string,
	templateId: string,
	fieldNamesOf: TemplateFieldNames,
): Promise<IDataObject> {
	const mapped = context.getNodeParameter(parameterName, itemIndex, {}) as MappedFields;
	let values: IDataObject;
	if (mapped.mappingMode === 'autoMapInputData') {
		const input = context.getInputData()[itemIndex]?.json ?? {};
		const schema = (mapped.schema ?? []).filter((field) => !field.removed).map((field) => field.id);
		const names = schema.length ? schema : await fieldNamesOf(templateId);
		values = Object.fromEntries(names.filter((name) => input[name] !== undefined).map((name) => [name, input[name]]));
	} else {
		values = mapped.value ?? {};
	}
	const data: IDataObject = {};
	for (const [name, value] of Object.entries(values)) {
		if (value === undefined || value === null || value === '') continue;
		data[name] = { value: typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value) };
	}
	if (!Object.keys(data).length) {
		throw new NodeOperationError(context.getNode(), 'No field of the template has a value', {
			description:
				mapped.mappingMode === 'autoMapInputData'
					? "Map Automatically found no input field named like the template's fields. Rename the input fields (e.g. with an Edit Fields node) or fill the fields below."
					: 'Fill at least one of the Fields; WeChat would send an empty message.',
			itemIndex,
		});
	}
	return data;
}

/**
 * Field names per template, fetched at most once per execution and only when needed: the
 * template list `list` returns, each template's placeholders read from its `content`.
 */
export function templateFieldNames(list: () => Promise<IDataObject[]>, idKey: 'template_id' | 'priTmplId'): TemplateFieldNames {
	let templates: Promise<IDataObject[]> | undefined;
	return async (templateId) => {
		templates ??= list();
		const template = (await templates).find((candidate) => candidate[idKey] === templateId);
		return placeholdersOf(template?.content);
	};
}

/**
 * What a template message and a subscription notice share: recipient, template, data from the
 * Fields mapper `parameterName`, and the mini program to open (Options).
 */
export async function templatedMessageOf(
	context: IExecuteFunctions,
	itemIndex: number,
	parameterName: string,
	fieldNamesOf: TemplateFieldNames,
): Promise<IDataObject> {
	const templateId = templateIdOf(context, itemIndex);
	const message: IDataObject = {
		touser: openidOf(context, itemIndex),
		template_id: templateId,
		data: await templateDataOf(context, itemIndex, parameterName, templateId, fieldNamesOf),
	};
	const options = context.getNodeParameter('options', itemIndex, {}) as { miniProgramAppId?: string; miniProgramPagePath?: string };
	const appid = String(options.miniProgramAppId ?? '').trim();
	if (appid) message.miniprogram = { appid, pagepath: String(options.miniProgramPagePath ?? '').trim() };
	return message;
}
