import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { requiredTextOf } from '../../helpers/itemParameters';
import type { DownloadedFile, UploadedFile } from '../../transport/http';
import type { MediaType, UploadTarget } from './limits';
import { EXTENSION_OF_MIME_TYPE, MIME_TYPE_OF_EXTENSION, formatBytes, limitFor } from './limits';

/** The media type of an upload, each option with its limits from the table (permanent voice takes more formats). */
export function mediaTypeField(target: 'temporary' | 'permanent'): INodeProperties {
	const limits = (type: MediaType) => {
		const limit = limitFor(target, type);
		return `${listOf(limit.extensions.map((extension) => extension.toUpperCase()))}, up to ${formatBytes(limit.maxBytes)}`;
	};
	return {
		displayName: 'Type',
		name: 'type',
		type: 'options',
		options: [
			{ name: 'Image', value: 'image', description: limits('image') },
			{ name: 'Thumb', value: 'thumb', description: `A cover picture for videos and music messages: ${limits('thumb')}` },
			{ name: 'Video', value: 'video', description: limits('video') },
			{ name: 'Voice', value: 'voice', description: limits('voice') },
		],
		default: 'image',
		description: 'What kind of media the file is; WeChat checks the file type and size against it',
	};
}

export const inputBinaryField: INodeProperties = {
	displayName: 'Input Binary Field',
	name: 'binaryPropertyName',
	type: 'string',
	required: true,
	default: 'data',
	hint: 'The name of the input binary field containing the file to be uploaded',
};

export const mediaIdField: INodeProperties = {
	displayName: 'Media ID',
	name: 'mediaId',
	type: 'string',
	required: true,
	default: '={{ $json.media_id }}',
	description: 'The media_id WeChat returned for the upload, e.g. from a previous Upload or Add Material',
};

/** Options of the operations that output a file: the binary field to put it in. */
export const outputFileOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [
		{
			displayName: 'Put Output File in Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			hint: 'The name of the output binary field to put the file in',
		},
	],
};

/** The media ID of one item, refused when empty. */
export function mediaIdOf(context: IExecuteFunctions, itemIndex: number): string {
	return requiredTextOf(
		context,
		itemIndex,
		'mediaId',
		'Media ID',
		'Set "Media ID" to the media_id WeChat returned for the upload, e.g. with the expression {{ $json.media_id }}.',
	);
}

/** The output binary field of one item ("data" unless the user chose another). */
export function outputFieldOf(context: IExecuteFunctions, itemIndex: number): string {
	const options = context.getNodeParameter('options', itemIndex, {}) as { binaryPropertyName?: string };
	return String(options.binaryPropertyName ?? '').trim() || 'data';
}

/**
 * The file of one input item, checked against WeChat's limits for `target` (and `type`) before
 * anything is sent.
 *
 * The file type is judged by the file name's extension, because that is what WeChat judges: it
 * refuses a part named `photo` or `photo.heic` (40005) whatever its Content-Type says. A file
 * whose name has no extension (or which has no name) gets one from its MIME type, added to the
 * name sent, so e.g. a PNG downloaded without a name is still accepted. A MIME type is never used
 * to overrule the extension of a name that has one.
 */
export async function fileToUpload(
	context: IExecuteFunctions,
	itemIndex: number,
	target: UploadTarget,
	type?: MediaType,
): Promise<UploadedFile> {
	const propertyName = String(context.getNodeParameter('binaryPropertyName', itemIndex) ?? '').trim();
	if (!propertyName) {
		throw new NodeOperationError(context.getNode(), '"Input Binary Field" is empty', {
			description: 'Enter the name of the binary field that holds the file, usually "data".',
			itemIndex,
		});
	}
	const binary = context.helpers.assertBinaryData(itemIndex, propertyName);
	const limit = limitFor(target, type);
	const givenName = (binary.fileName ?? '').trim();
	const givenMimeType = (binary.mimeType ?? '').split(';')[0].trim().toLowerCase();
	const label = givenName || `The file in "${propertyName}"${givenMimeType ? ` (${givenMimeType})` : ''}`;

	let extension = extensionOf(givenName);
	let fileName = givenName;
	if (!extension) {
		extension = EXTENSION_OF_MIME_TYPE[givenMimeType] ?? '';
		if (extension) fileName = `${givenName || type || 'image'}.${extension}`;
	}
	if (!limit.extensions.includes(extension)) {
		throw new NodeOperationError(
			context.getNode(),
			`${label} is not a file type WeChat accepts for ${limit.noun}: use ${listOf(limit.extensions)}`,
			{
				description: 'Nothing was sent to WeChat. Convert the file to one of these types, or choose the media type that matches the file. WeChat goes by the extension of the file name.',
				itemIndex,
			},
		);
	}

	const data = await context.helpers.getBinaryDataBuffer(itemIndex, propertyName);
	if (data.length === 0) {
		throw new NodeOperationError(context.getNode(), `${label} is empty`, {
			description: `Nothing was sent to WeChat. Check that "${propertyName}" holds the file itself.`,
			itemIndex,
		});
	}
	if (data.length > limit.maxBytes) {
		throw new NodeOperationError(
			context.getNode(),
			`${label} is ${formatBytes(data.length)}; WeChat accepts ${limit.plural} up to ${formatBytes(limit.maxBytes)}`,
			{ description: 'Nothing was sent to WeChat. Compress, resize or shorten the file first.', itemIndex },
		);
	}

	const mimeType =
		givenMimeType && givenMimeType !== 'application/octet-stream'
			? (binary.mimeType ?? givenMimeType)
			: (MIME_TYPE_OF_EXTENSION[extension] ?? 'application/octet-stream');
	return { field: 'media', fileName, mimeType, data };
}

/** A file WeChat answered with, as an output item: the file in `propertyName`, what it is in json. */
async function fileItem(
	context: IExecuteFunctions,
	itemIndex: number,
	mediaId: string,
	file: DownloadedFile,
	propertyName: string,
): Promise<INodeExecutionData> {
	const extension = EXTENSION_OF_MIME_TYPE[file.mimeType.toLowerCase()];
	const fileName = file.fileName || (extension ? `${mediaId}.${extension}` : mediaId);
	const binary = await context.helpers.prepareBinaryData(file.data, fileName, file.mimeType);
	const json: IDataObject = { media_id: mediaId, fileName, mimeType: file.mimeType, fileSize: file.data.length };
	return { json, binary: { [propertyName]: binary }, pairedItem: { item: itemIndex } };
}

/**
 * The output item of a media read: the file in `propertyName` when WeChat answered with one, else
 * WeChat's JSON (videos, articles) without errcode/errmsg, both with the media_id asked for.
 */
export async function mediaItem(
	context: IExecuteFunctions,
	itemIndex: number,
	mediaId: string,
	answer: { file: DownloadedFile } | { json: IDataObject },
	propertyName: string,
): Promise<INodeExecutionData> {
	if ('file' in answer) return await fileItem(context, itemIndex, mediaId, answer.file, propertyName);
	const json = Object.fromEntries(Object.entries(answer.json).filter(([key]) => key !== 'errcode' && key !== 'errmsg'));
	return { json: { media_id: mediaId, ...json }, pairedItem: { item: itemIndex } };
}

/** "bmp, png, jpeg, jpg or gif" */
function listOf(values: readonly string[]): string {
	return values.length > 1 ? `${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}` : values.join('');
}

/** "png" for "Photo.PNG"; "" for a name without extension. */
function extensionOf(fileName: string): string {
	const dot = fileName.lastIndexOf('.');
	return dot >= 0 && dot < fileName.length - 1 ? fileName.slice(dot + 1).toLowerCase() : '';
}
