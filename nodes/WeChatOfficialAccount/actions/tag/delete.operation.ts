import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { WeChatApiClient } from '../../transport/request';
import { tagIdField, tagIdOf } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['delete'] } }, [tagIdField]);

/** Deletes a tag; its followers lose it. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: WeChatApiClient,
	output: INodeExecutionData[],
): Promise<void> {
	const id = tagIdOf(this, itemIndex);
	await client.request({ method: 'POST', path: '/cgi-bin/tags/delete', body: { tag: { id } } }, itemIndex);
	output.push({ json: { success: true, id }, pairedItem: { item: itemIndex } });
}
