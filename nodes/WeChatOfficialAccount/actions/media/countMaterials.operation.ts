import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['countMaterials'] } }, [] as INodeProperties[]);

interface CountResponse extends IDataObject {
	voice_count?: number;
	video_count?: number;
	image_count?: number;
	news_count?: number;
}

/** How much permanent material the account has: { voice_count, video_count, image_count, news_count }. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const response = await client.request<CountResponse>({ method: 'GET', path: '/cgi-bin/material/get_materialcount' }, itemIndex);
	output.push({
		json: {
			voice_count: response.voice_count,
			video_count: response.video_count,
			image_count: response.image_count,
			news_count: response.news_count,
		},
		pairedItem: { item: itemIndex },
	});
};
