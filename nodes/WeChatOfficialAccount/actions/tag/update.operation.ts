import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { WeChatApiClient } from '../../transport/request';
import { tagIdField, tagIdOf, tagNameField, tagNameOf } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['update'] } }, [
	tagIdField,
	{ ...tagNameField, displayName: 'New Name' },
]);

/** Renames a tag. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: WeChatApiClient,
	output: INodeExecutionData[],
): Promise<void> {
	const id = tagIdOf(this, itemIndex);
	const name = tagNameOf(this, itemIndex);
	await client.request({ method: 'POST', path: '/cgi-bin/tags/update', body: { tag: { id, name } } }, itemIndex);
	output.push({ json: { success: true, id, name }, pairedItem: { item: itemIndex } });
}
