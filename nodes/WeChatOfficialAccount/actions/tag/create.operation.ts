import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { WeChatApiClient } from '../../transport/request';
import { tagNameField, tagNameOf } from './fields';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['create'] } }, [tagNameField] as INodeProperties[]);

/** Creates a tag; outputs its ID and name. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: WeChatApiClient,
	output: INodeExecutionData[],
): Promise<void> {
	const name = tagNameOf(this, itemIndex);
	const response = await client.request<{ tag?: IDataObject }>({ method: 'POST', path: '/cgi-bin/tags/create', body: { tag: { name } } }, itemIndex);
	output.push({ json: { id: response.tag?.id, name: response.tag?.name ?? name }, pairedItem: { item: itemIndex } });
}
