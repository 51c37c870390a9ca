import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { invalidParameter } from '../../helpers/itemParameters';

/** WeChat's own tags (IDs 0 to 2, e.g. 2 "星标组"): they cannot be renamed or deleted (45058). */
export const MAX_SYSTEM_TAG_ID = 2;

/**
 * The tag: chosen from the account's tags, or given by ID (typed, or from an expression or an
 * agent). Old workflows that stored a plain number, or an expression giving one, keep working.
 */
export const tagIdField: INodeProperties = {
	displayName: 'Tag',
	name: 'tagId',
	type: 'resourceLocator',
	required: true,
	default: { mode: 'list', value: '' },
	description: 'The tag, chosen from the account’s tags or given by its ID',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a tag...',
			typeOptions: { searchListMethod: 'searchTags', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. 100',
			validation: [{ type: 'regex', properties: { regex: '^\\s*\\d+\\s*$', errorMessage: 'A tag ID is a whole number, e.g. 100 (Tag → Get Many lists them)' } }],
		},
	],
};

export const tagNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	description: 'Up to 30 characters, unique within the account',
};

/** The tag ID of an item: a whole number, from either mode, a plain number, or text from an expression. */
export function tagIdOf(context: IExecuteFunctions, itemIndex: number): number {
	const value = context.getNodeParameter('tagId', itemIndex, '', { extractValue: true }) as unknown;
	if (value === '' || value === undefined || value === null) {
		throw new NodeOperationError(context.getNode(), 'No tag chosen', {
			description: 'Choose a tag in "Tag" from the list, or give its ID ("By ID", also with an expression, e.g. {{ $json.tagId }}).',
			itemIndex,
		});
	}
	const tagId = typeof value === 'string' && /^\s*\d+\s*$/.test(value) ? Number(value) : value;
	if (typeof tagId !== 'number' || !Number.isInteger(tagId) || tagId < 0) {
		throw new NodeOperationError(context.getNode(), `"${String(value)}" is not a tag ID`, {
			description: 'A tag ID is a whole number. Tag → Get Many lists the tags of the account with their IDs.',
			itemIndex,
		});
	}
	return tagId;
}

/** The ID of a tag the account created, for Rename and Delete: WeChat's own tags are refused before the call. */
export function ownTagIdOf(context: IExecuteFunctions, itemIndex: number, change: 'renamed' | 'deleted'): number {
	const tagId = tagIdOf(context, itemIndex);
	if (tagId <= MAX_SYSTEM_TAG_ID) {
		throw invalidParameter(
			context,
			itemIndex,
			'Tag',
			`is WeChat's system tag ${tagId}, which cannot be ${change}`,
			'WeChat refuses to change its own tags (IDs 0 to 2, e.g. 2, the starred-followers group; errcode 45058). Choose a tag the account created: Tag → Get Many lists them with their IDs.',
		);
	}
	return tagId;
}

/** The tag name of an item, trimmed, refused when empty. */
export function tagNameOf(context: IExecuteFunctions, itemIndex: number): string {
	const name = String(context.getNodeParameter('name', itemIndex) ?? '').trim();
	if (!name) {
		throw new NodeOperationError(context.getNode(), 'The tag name is empty', {
			description: 'Enter a name of up to 30 characters.',
			itemIndex,
		});
	}
	return name;
}

/** "1 follower", "1,234 followers". */
export function followerCount(count: unknown): string {
	const n = Number(count ?? 0);
	return `${n.toLocaleString('en')} follower${n === 1 ? '' : 's'}`;
}
