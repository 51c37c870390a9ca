import type { INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { fileToUpload, inputBinaryField, mediaTypeField } from './fields';
import type { MediaType } from './limits';

const properties: INodeProperties[] = [
	mediaTypeField('permanent'),
	inputBinaryField,
	{
		displayName: 'Title',
		name: 'title',
		type: 'string',
		required: true,
		default: '',
		description: 'The title of the video, shown to followers',
		displayOptions: { show: { type: ['video'] } },
	},
	{
		displayName: 'Introduction',
		name: 'introduction',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		description: 'A short description of the video',
		displayOptions: { show: { type: ['video'] } },
	},
];

export const description = updateDisplayOptions({ show: { resource: ['media'], operation: ['addMaterial'] } }, properties);

/**
 * Adds the file of an input item to the account's permanent material, after checking WeChat's
 * limits. A video also needs a title. Outputs { type, media_id } and, for images, WeChat's url.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const type = this.getNodeParameter('type', itemIndex) as MediaType;
	let fields: Record<string, string> | undefined;
	if (type === 'video') {
		const title = String(this.getNodeParameter('title', itemIndex, '') ?? '').trim();
		if (!title) {
			throw new NodeOperationError(this.getNode(), 'A video needs a title', {
				description: 'Fill in "Title": WeChat stores permanent videos with a title and an introduction.',
				itemIndex,
			});
		}
		const introduction = String(this.getNodeParameter('introduction', itemIndex, '') ?? '');
		fields = { description: JSON.stringify({ title, introduction }) };
	}
	const upload = await fileToUpload(this, itemIndex, 'permanent', type);
	const response = await client.request<{ media_id?: string; url?: string }>(
		{
			method: 'POST',
			path: '/cgi-bin/material/add_material',
			qs: { type },
			upload: { ...upload, ...(fields ? { fields } : {}) },
			// A repeat after a lost answer would add a second copy, counted against the account's material limits.
			repeat: 'once',
			mayHaveHappened: 'The material may have been added',
		},
		itemIndex,
	);
	output.push({
		json: { type, media_id: response.media_id, ...(response.url ? { url: response.url } : {}) },
		pairedItem: { item: itemIndex },
	});
};
