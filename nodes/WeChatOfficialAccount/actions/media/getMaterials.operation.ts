import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { limitOf, returnAllOrLimit } from '../../helpers/listParameters';
import type { OperationExecute } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Material Type',
		name: 'materialType',
		type: 'options',
		options: [
			{ name: 'Image', value: 'image', description: 'Images and thumbs' },
			{ name: 'News', value: 'news', description: 'Articles' },
			{ name: 'Video', value: 'video' },
			{ name: 'Voice', value: 'voice' },
		],
		default: 'image',
		description: 'Which permanent material to list',
	},
	...returnAllOrLimit,
];

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['getMaterials'] } }, properties);

/** WeChat's largest page of material/batchget_material. */
export const PAGE_SIZE = 20;

interface BatchGetResponse extends IDataObject {
	total_count?: number;
	item_count?: number;
	item?: IDataObject[];
}

/**
 * The account's permanent material of one type, one item per material, as WeChat lists it
 * ({ media_id, name, update_time, url } or, for news, { media_id, content, update_time }).
 * Pages of 20 by offset; the pull ends at total_count, on an empty page, at the limit, or after
 * total_count / 20 + 2 pages, so material added or removed meanwhile cannot make it loop.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const type = this.getNodeParameter('materialType', itemIndex) as string;
	const limit = limitOf(this, itemIndex);
	let offset = 0;
	let emitted = 0;
	let maxPages: number | undefined;
	for (let page = 1; ; page++) {
		const count = limit === undefined ? PAGE_SIZE : Math.min(PAGE_SIZE, limit - emitted);
		const response = await client.request<BatchGetResponse>(
			{ method: 'POST', path: '/cgi-bin/material/batchget_material', body: { type, offset, count } },
			itemIndex,
		);
		const total = Number(response.total_count ?? 0);
		maxPages ??= Math.floor(total / PAGE_SIZE) + 2;
		const materials = Array.isArray(response.item) ? response.item : [];
		for (const material of materials) {
			if (limit !== undefined && emitted >= limit) break;
			output.push({ json: material, pairedItem: { item: itemIndex } });
			emitted++;
		}
		offset += materials.length;
		if (materials.length === 0 || (limit !== undefined && emitted >= limit) || offset >= total || page >= maxPages) return;
	}
};
