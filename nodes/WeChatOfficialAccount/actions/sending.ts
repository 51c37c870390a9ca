import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';
import { createHash } from 'crypto';

import type { SendOutcome } from '../transport/sendEach';
import { DEFAULT_MESSAGES_IN_FLIGHT, sendEach } from '../transport/sendEach';

/** What every per-follower send shares: how many at once, and how repeats are recognised. */

export const messagesInFlightOption: INodeProperties = {
	displayName: 'Messages in Flight',
	name: 'messagesInFlight',
	type: 'number',
	typeOptions: { minValue: 1, maxValue: 20 },
	default: DEFAULT_MESSAGES_IN_FLIGHT,
	description:
		'How many messages the node sends at the same time. Results keep the input order. Higher is faster; WeChat may answer "too frequent" (the node then waits for the next minute).',
};

/** `window`: how long WeChat remembers a key, e.g. "10 minutes". */
export function idempotencyKeyOption(window: string): INodeProperties {
	return {
		displayName: 'Idempotency Key',
		name: 'idempotencyKey',
		type: 'string',
		default: '',
		placeholder: 'order-2026-000123',
		description: `WeChat sends one message per key (and recipient) within ${window}, however often it is submitted. Empty: a key derived from the recipient and the content, so a re-run after a failure does not send the same message twice within ${window}. Set your own, e.g. an order number, to decide what counts as the same message; at most 64 characters.`,
	};
}

/** The user's Idempotency Key of an item ('' when empty), refused over WeChat's 64 characters. */
export function ownIdempotencyKeyOf(context: IExecuteFunctions, itemIndex: number): string {
	const options = context.getNodeParameter('options', itemIndex, {}) as { idempotencyKey?: string };
	const own = String(options.idempotencyKey ?? '').trim();
	if (own.length > 64) {
		throw new NodeOperationError(context.getNode(), 'The Idempotency Key is longer than 64 characters', {
			description: 'WeChat accepts keys of up to 64 characters. Shorten it, or leave it empty for a key derived from the message.',
			itemIndex,
		});
	}
	return own;
}

/** A key derived from what makes a message itself (recipient, content): 44 characters. */
export function derivedKey(content: unknown): string {
	return `n8n-${createHash('sha256').update(JSON.stringify(content)).digest('hex').slice(0, 40)}`;
}

/** The idempotency key of one message: the user's, or one derived from `content`. */
export function idempotencyKeyOf(context: IExecuteFunctions, itemIndex: number, content: unknown): string {
	return ownIdempotencyKeyOf(context, itemIndex) || derivedKey(content);
}

/**
 * Sends one message per input item with bounded concurrency (Options → Messages in Flight of the
 * first item: one value for the run). Outcomes come back in input order.
 */
export async function sendPerItem(
	context: IExecuteFunctions,
	itemIndexes: number[],
	continueOnFail: boolean,
	send: (itemIndex: number) => Promise<IDataObject>,
): Promise<SendOutcome[]> {
	const options = context.getNodeParameter('options', 0, {}) as { messagesInFlight?: number };
	return await sendEach({
		node: context.getNode(),
		itemIndexes,
		concurrency: options.messagesInFlight ?? DEFAULT_MESSAGES_IN_FLIGHT,
		continueOnFail,
		// Error items name their recipient, so they can be matched without following pairedItem.
		send: async (itemIndex) =>
			await send(itemIndex).catch((error: Error & { context?: IDataObject }) => {
				const openid = String(context.getNodeParameter('openid', itemIndex, '') ?? '').trim();
				if (openid && error.context && error.context.openid === undefined) error.context.openid = openid;
				throw error;
			}),
		isCancelled: () => context.getExecutionCancelSignal?.()?.aborted === true,
	});
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

/** Options to open a mini program when the message is tapped (both needed). */
export const miniProgramOptions: INodeProperties[] = [
	{
		displayName: 'Mini Program AppID',
		name: 'miniProgramAppId',
		type: 'string',
		default: '',
		description: 'Open this mini program when the message is tapped (it must be linked to the account); wins over a URL',
	},
	{
		displayName: 'Mini Program Page',
		name: 'miniProgramPagePath',
		type: 'string',
		default: '',
		placeholder: 'pages/order/detail?order=123',
		description: 'The page of the mini program to open, with its query',
	},
];

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
export function templateFieldNames(list: () => Promise<IDataObject[]>, idKey: string): TemplateFieldNames {
	let templates: Promise<IDataObject[]> | undefined;
	return async (templateId) => {
		templates ??= list();
		const template = (await templates).find((candidate) => candidate[idKey] === templateId);
		return placeholdersOf(template?.content);
	};
}

/** The mini program a message opens, when both its AppID and page are given. */
export function miniProgramOf(options: { miniProgramAppId?: string; miniProgramPagePath?: string }): IDataObject | undefined {
	const appid = String(options.miniProgramAppId ?? '').trim();
	if (!appid) return undefined;
	return { appid, pagepath: String(options.miniProgramPagePath ?? '').trim() };
}
