import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { WeChatApiClient } from '../../transport/request';

/** Where WeChat serves the image of a QR code ticket; public, no access token. */
export function imageUrlOf(ticket: string): string {
	return `https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=${encodeURIComponent(ticket)}`;
}

export const outputFieldOption: INodeProperties = {
	displayName: 'Put Output File in Field',
	name: 'binaryPropertyName',
	type: 'string',
	default: 'data',
	hint: 'The name of the output binary field to put the image in',
};

/** The output binary field of one item ("data" unless the user chose another). */
export function outputFieldOf(context: IExecuteFunctions, itemIndex: number): string {
	const options = context.getNodeParameter('options', itemIndex, {}) as { binaryPropertyName?: string };
	return String(options.binaryPropertyName ?? '').trim() || 'data';
}

/** A file name made of a scene: letters, digits, - _ . kept, anything else (slashes, spaces) as _. */
export function fileNameOfScene(scene: string | number): string {
	const safe = String(scene)
		.replace(/[^\p{L}\p{N}_.-]/gu, '_')
		.slice(0, 64);
	return `qrcode-${safe}`;
}

/**
 * What the bytes are, by their signature: WeChat serves QR codes as JPEG with the unregistered
 * Content-Type "image/jpg"; the signature decides, the header only when it is not recognised.
 */
function imageTypeOf(data: Buffer, contentType: string): { mimeType: string; extension: string } {
	if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return { mimeType: 'image/jpeg', extension: 'jpg' };
	if (data.subarray(0, 8).equals(Buffer.from('89504e470d0a1a0a', 'hex'))) return { mimeType: 'image/png', extension: 'png' };
	if (data.subarray(0, 4).toString('latin1') === 'GIF8') return { mimeType: 'image/gif', extension: 'gif' };
	const type = contentType.toLowerCase();
	return type === 'image/jpg' || type === 'image/jpeg' ? { mimeType: 'image/jpeg', extension: 'jpg' } : { mimeType: type, extension: 'bin' };
}

/** The file fields items carry beside the binary image (snake_case, as every field the node adds). */
export interface ImageFileFields {
	file_name: string;
	mime_type: string;
	file_size: number;
}

/**
 * Downloads the image of a ticket from mp.weixin.qq.com (the transport sends no access token
 * there) and puts it into `propertyName` of `item`. An unknown or expired ticket, which WeChat
 * answers with HTTP 404, becomes an error saying so; any other failure an error about the image
 * server (not the API server the credential names).
 */
export async function attachImage(
	context: IExecuteFunctions,
	client: WeChatApiClient,
	itemIndex: number,
	ticket: string,
	fileBase: string,
	propertyName: string,
	item: INodeExecutionData,
): Promise<{ item: INodeExecutionData; file: ImageFileFields }> {
	const answer = await client
		.download({ method: 'GET', path: '/cgi-bin/showqrcode', qs: { ticket }, site: 'mp' }, itemIndex)
		.then(
			(result) => result,
			(error: unknown) => {
				const status = (error as { errorResponse?: IDataObject }).errorResponse?.httpStatus;
				if (status === 404) {
					throw new NodeOperationError(context.getNode(), 'WeChat has no QR code for this ticket: it expired or is not a ticket', {
						description: `Temporary QR codes expire (at most 30 days after they were made); a permanent code's ticket stays valid. Check the ticket (${ticket.slice(0, 12)}…) or create the QR code again with QR Code → Create.`,
						itemIndex,
					});
				}
				throw new NodeOperationError(context.getNode(), client.redact(error instanceof Error ? error.message : String(error)), {
					description:
						'WeChat serves QR code images from mp.weixin.qq.com (a custom API Server serves them itself); no access token is sent there. Check that the n8n server can reach it and run the item again, or open image_url in a browser.',
					itemIndex,
				});
			},
		);
	if (!('file' in answer)) {
		throw new NodeOperationError(context.getNode(), 'WeChat answered the QR code image request without an image', {
			description: `WeChat answered: ${client.redact(JSON.stringify(answer.json)).slice(0, 200)}. Try again; if it persists, open the image address (image_url) in a browser.`,
			itemIndex,
		});
	}
	const { mimeType, extension } = imageTypeOf(answer.file.data, answer.file.mimeType);
	const fileName = `${fileBase}.${extension}`;
	const binary = await context.helpers.prepareBinaryData(answer.file.data, fileName, mimeType);
	return {
		item: { ...item, binary: { ...item.binary, [propertyName]: binary } },
		file: { file_name: fileName, mime_type: mimeType, file_size: answer.file.data.length },
	};
}
