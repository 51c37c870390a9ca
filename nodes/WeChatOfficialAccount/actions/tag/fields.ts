import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export const tagIdField: INodeProperties = {
	displayName: 'Tag Name or ID',
	name: 'tagId',
	type: 'options',
	typeOptions: { loadOptionsMethod: 'getTags' },
	required: true,
	default: '',
	description:
		'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
};

export const tagNameField: INodeProperties = {
	displayName: 'Name',
	name: 'name',
	type: 'string',
	required: true,
	default: '',
	description: 'Up to 30 characters, unique within the account',
};

/** The tag ID of an item: a whole number, also when an expression gives it as text. */
export function tagIdOf(context: IExecuteFunctions, itemIndex: number): number {
	const value = context.getNodeParameter('tagId', itemIndex);
	if (value === '' || value === undefined || value === null) {
		throw new NodeOperationError(context.getNode(), 'No tag chosen', {
			description: 'Choose a tag in "Tag Name or ID", or give its ID with an expression, e.g. {{ $json.tagId }}.',
			itemIndex,
		});
	}
	const tagId = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof tagId !== 'number' || !Number.isInteger(tagId) || tagId < 0) {
		throw new NodeOperationError(context.getNode(), `"${String(value)}" is not a tag ID`, {
			description: 'A tag ID is a whole number. Tag → Get Many lists the tags of the account with their IDs.',
			itemIndex,
		});
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
