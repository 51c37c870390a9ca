import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { parseOpenids } from '../../helpers/openids';

type MassType = 'text' | 'mpnews' | 'voice' | 'image' | 'mpvideo';

const showFor = (...types: MassType[]) => ({ show: { messageType: types } });

/** The content parameters shared by Mass Message → Send and Preview. */
export const massContentProperties: INodeProperties[] = [
	{
		displayName: 'Message Type',
		name: 'messageType',
		type: 'options',
		noDataExpression: true,
		default: 'mpnews',
		options: [
			{ name: 'Article (Material)', value: 'mpnews', description: 'An article material or draft by its media ID' },
			{ name: 'Images', value: 'image', description: 'Up to 8 permanent images' },
			{ name: 'Text', value: 'text' },
			{ name: 'Video', value: 'mpvideo', description: 'A video by the media ID WeChat gives for mass sending' },
			{ name: 'Voice', value: 'voice' },
		],
	},
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		required: true,
		default: '',
		displayOptions: showFor('text'),
	},
	{
		displayName: 'Media ID',
		name: 'mediaId',
		type: 'string',
		required: true,
		default: '',
		description: 'The media ID from Media → Add Material (permanent)',
		displayOptions: showFor('mpnews', 'voice', 'mpvideo'),
	},
	{
		displayName: 'Image Media IDs',
		name: 'mediaIds',
		type: 'string',
		required: true,
		default: '',
		description: 'Media IDs of permanent images, separated by commas, or an expression giving a list (at most 8)',
		displayOptions: showFor('image'),
	},
];

/** `{ msgtype, <type>: {...} }` of one input item. */
export function massMessageOf(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const type = context.getNodeParameter('messageType', itemIndex) as MassType;
	const fail = (message: string, description: string): never => {
		throw new NodeOperationError(context.getNode(), message, { description, itemIndex });
	};
	switch (type) {
		case 'text': {
			const content = String(context.getNodeParameter('text', itemIndex, '') ?? '');
			if (!content.trim()) fail('"Text" is empty', 'Enter the text of the mass message.');
			return { msgtype: 'text', text: { content } };
		}
		case 'image': {
			const mediaIds = parseOpenids(context.getNodeParameter('mediaIds', itemIndex, ''));
			if (!mediaIds.length) fail('"Image Media IDs" is empty', 'Enter the media IDs of up to 8 permanent images.');
			if (mediaIds.length > 8) fail(`${mediaIds.length} images; a mass message carries at most 8`, 'Send the images in several messages.');
			return { msgtype: 'image', images: { media_ids: mediaIds } };
		}
		case 'mpnews':
		case 'voice':
		case 'mpvideo': {
			const mediaId = String(context.getNodeParameter('mediaId', itemIndex, '') ?? '').trim();
			if (!mediaId) fail('"Media ID" is empty', 'Enter the media ID of a permanent material (Media → Add Material).');
			return { msgtype: type, [type]: { media_id: mediaId } };
		}
		default:
			// e.g. a type of another resource kept when the resource was switched
			return fail(`A mass message cannot be of type "${String(type)}"`, 'Choose Article, Images, Text, Video or Voice in "Message Type".');
	}
}
