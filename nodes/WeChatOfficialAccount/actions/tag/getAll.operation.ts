import type { IDataObject } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { limitOf, returnAllOrLimit } from '../../helpers/listParameters';
import type { OperationExecute } from '../node.type';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['getAll'] } }, returnAllOrLimit);

/** The tags of the account, one item each: id, name and count (followers carrying it). */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const limit = limitOf(this, itemIndex);
	// WeChat returns every tag (at most 100) in one answer.
	const response = await client.request<{ tags?: IDataObject[] }>({ method: 'GET', path: '/cgi-bin/tags/get' }, itemIndex);
	const tags = Array.isArray(response.tags) ? response.tags : [];
	for (const tag of tags.slice(0, limit)) output.push({ json: tag, pairedItem: { item: itemIndex } });
};
