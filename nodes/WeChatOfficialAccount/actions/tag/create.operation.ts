import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { tagNameField, tagNameOf } from './fields';
import type { OperationExecute } from '../node.type';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['create'] } }, [tagNameField] as INodeProperties[]);

/** Creates a tag; outputs its ID and name. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const name = tagNameOf(this, itemIndex);
	const response = await client.request<{ tag?: IDataObject }>({ method: 'POST', path: '/cgi-bin/tags/create', body: { tag: { name } } }, itemIndex);
	output.push({ json: { id: response.tag?.id, name: response.tag?.name ?? name }, pairedItem: { item: itemIndex } });
};
