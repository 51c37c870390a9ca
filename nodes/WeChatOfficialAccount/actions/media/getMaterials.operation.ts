import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { limitOf, returnAllOrLimit } from '../../helpers/listParameters';
import { pullOffsetList } from '../../transport/pagination';
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
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const type = this.getNodeParameter('materialType', itemIndex) as string;
	await pullOffsetList<IDataObject>(this, {
		pageSize: PAGE_SIZE,
		itemIndex,
		noun: `${type} materials`,
		keyOf: (material) => String(material.media_id),
		limit: limitOf(this, itemIndex),
		fetchPage: async (offset, count) => {
			const response = await client.request<BatchGetResponse>(
				{ method: 'POST', path: '/cgi-bin/material/batchget_material', body: { type, offset, count } },
				itemIndex,
			);
			return { entries: Array.isArray(response.item) ? response.item : [], total: Number(response.total_count ?? 0) };
		},
		emit: (materials) => {
			for (const material of materials) output.push({ json: material, pairedItem: { item: itemIndex } });
		},
	});
};
