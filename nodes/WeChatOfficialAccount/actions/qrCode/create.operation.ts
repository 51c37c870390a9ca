import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { invalidParameter, wholeNumberOf } from '../../helpers/itemParameters';
import type { OperationExecute } from '../node.type';
import { attachImage, fileNameOfScene, imageUrlOf, outputFieldOf, outputFieldOption } from './image';

export const MAX_TEMPORARY_SCENE_ID = 4_294_967_295;
export const MAX_PERMANENT_SCENE_ID = 100_000;
const MIN_EXPIRE_SECONDS = 60;
export const MAX_EXPIRE_SECONDS = 2_592_000;
export const MAX_SCENE_STR_LENGTH = 64;

const properties: INodeProperties[] = [
	{
		displayName: 'Code Type',
		name: 'codeType',
		type: 'options',
		options: [
			{
				name: 'Temporary',
				value: 'temporary',
				description: 'Expires after 60 seconds to 30 days; no limit on how many',
			},
			{
				name: 'Permanent',
				value: 'permanent',
				description: 'Never expires; an account can have at most 100,000 permanent codes, so use them for print',
			},
		],
		default: 'temporary',
		description: 'Whether the code expires. Permanent codes are limited to 100,000 per account.',
	},
	{
		displayName: 'Scene Type',
		name: 'sceneType',
		type: 'options',
		options: [
			{ name: 'Number', value: 'number', description: 'Temporary: 1 to 4,294,967,295; permanent: 1 to 100,000' },
			{ name: 'Text', value: 'text', description: '1 to 64 characters' },
		],
		default: 'text',
		description: 'Whether the scene is a number or a text; the follow and scan events carry it (EventKey qrscene_ followed by the scene, or the scene)',
	},
	{
		displayName: 'Scene',
		name: 'sceneId',
		type: 'number',
		typeOptions: { minValue: 1 },
		required: true,
		default: 1,
		description: 'The number the code carries: 1 to 4,294,967,295 for temporary codes, 1 to 100,000 for permanent ones',
		displayOptions: { show: { sceneType: ['number'] } },
	},
	{
		displayName: 'Scene',
		name: 'sceneStr',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'booth-7',
		description: 'The text the code carries, 1 to 64 characters, e.g. a campaign or a place',
		displayOptions: { show: { sceneType: ['text'] } },
	},
	{
		displayName: 'Expires In (Seconds)',
		name: 'expireSeconds',
		type: 'number',
		typeOptions: { minValue: MIN_EXPIRE_SECONDS, maxValue: MAX_EXPIRE_SECONDS },
		default: 604_800,
		description: 'How long the code works: 60 seconds to 2,592,000 (30 days); 604,800 is 7 days',
		displayOptions: { show: { codeType: ['temporary'] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Download Image',
				name: 'downloadImage',
				type: 'boolean',
				default: true,
				description: 'Whether to download the code’s image (JPEG) into a binary field; without it the item has only image_url',
			},
			outputFieldOption,
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['qrCode'], operation: ['create'] } }, properties);

interface QrCodeRequest {
	permanent: boolean;
	actionName: 'QR_SCENE' | 'QR_STR_SCENE' | 'QR_LIMIT_SCENE' | 'QR_LIMIT_STR_SCENE';
	scene: { scene_id: number } | { scene_str: string };
	sceneValue: number | string;
	expireSeconds?: number;
}

/** The QR code an item asks for, refused before any request when WeChat would refuse it. */
function qrCodeRequestOf(context: IExecuteFunctions, itemIndex: number): QrCodeRequest {
	const permanent = context.getNodeParameter('codeType', itemIndex) === 'permanent';
	const text = context.getNodeParameter('sceneType', itemIndex) === 'text';
	let request: QrCodeRequest;
	if (text) {
		const sceneStr = String(context.getNodeParameter('sceneStr', itemIndex) ?? '');
		// Characters as people count them: an emoji is one, not two UTF-16 units.
		const length = [...sceneStr].length;
		if (length === 0 || length > MAX_SCENE_STR_LENGTH) {
			throw invalidParameter(
				context,
				itemIndex,
				'Scene',
				`must be 1 to ${MAX_SCENE_STR_LENGTH} characters, not ${length}`,
				'WeChat takes text scenes of 1 to 64 characters. Use a shorter key, e.g. an ID you look up when the follow or scan event arrives.',
			);
		}
		request = { permanent, actionName: permanent ? 'QR_LIMIT_STR_SCENE' : 'QR_STR_SCENE', scene: { scene_str: sceneStr }, sceneValue: sceneStr };
	} else {
		const sceneId = wholeNumberOf(
			context,
			itemIndex,
			'sceneId',
			'Scene',
			{ min: 1, max: permanent ? MAX_PERMANENT_SCENE_ID : MAX_TEMPORARY_SCENE_ID },
			permanent
				? 'Permanent codes take number scenes from 1 to 100,000. Use a text scene for other values.'
				: 'Temporary codes take number scenes from 1 to 4,294,967,295 (a 32-bit number other than 0).',
		);
		request = { permanent, actionName: permanent ? 'QR_LIMIT_SCENE' : 'QR_SCENE', scene: { scene_id: sceneId }, sceneValue: sceneId };
	}
	if (!permanent) {
		request.expireSeconds = wholeNumberOf(
			context,
			itemIndex,
			'expireSeconds',
			'Expires In (Seconds)',
			{ min: MIN_EXPIRE_SECONDS, max: MAX_EXPIRE_SECONDS },
			'Temporary QR codes last 60 seconds to 30 days (2,592,000 seconds). For a code that never expires, choose Code Type "Permanent".',
		);
	}
	return request;
}

interface CreateResponse extends IDataObject {
	ticket?: string;
	expire_seconds?: number;
	url?: string;
}

/**
 * Creates a QR code with a scene; outputs { ticket, url (the content the code encodes),
 * expire_seconds, expires_at, action_name, scene_id or scene_str, scene, permanent, image_url },
 * and, unless "Download Image" is off, the image in a binary field with file_name, mime_type and
 * file_size. Repeat safety `safe`: a repeated temporary code is one more unused ticket; a
 * permanent scene asked again is the same scene. If the code was created but its image could not
 * be downloaded, the error carries ticket, url and image_url (error items keep them), so the
 * image can be fetched later with Get Image instead of creating the code again.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const request = qrCodeRequestOf(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { downloadImage?: boolean };
	const propertyName = outputFieldOf(this, itemIndex);
	const body: IDataObject = {
		...(request.expireSeconds !== undefined ? { expire_seconds: request.expireSeconds } : {}),
		action_name: request.actionName,
		action_info: { scene: request.scene },
	};
	const requestedAt = Date.now();
	const response = await client.request<CreateResponse>({ method: 'POST', path: '/cgi-bin/qrcode/create', body, repeat: 'safe' }, itemIndex);
	const ticket = String(response.ticket ?? '');
	if (!ticket) {
		throw new NodeOperationError(this.getNode(), 'WeChat created no ticket for the QR code', {
			description: 'WeChat answered without an error and without a ticket. Run the item again.',
			itemIndex,
		});
	}
	const expireSeconds = request.permanent ? undefined : Number(response.expire_seconds ?? request.expireSeconds);
	const json: IDataObject = {
		ticket,
		url: response.url,
		...(expireSeconds !== undefined ? { expire_seconds: expireSeconds } : {}),
		expires_at: expireSeconds !== undefined ? new Date(requestedAt + expireSeconds * 1000).toISOString() : null,
		action_name: request.actionName,
		...request.scene,
		scene: request.sceneValue,
		permanent: request.permanent,
		image_url: imageUrlOf(ticket),
	};
	const item = { json, pairedItem: { item: itemIndex } };
	if (options.downloadImage === false) {
		output.push(item);
		return;
	}
	const attached = await attachImage(this, client, itemIndex, ticket, fileNameOfScene(request.sceneValue), propertyName, item).then(
		(result) => result,
		(error: unknown) => {
			throw imageNotDownloaded(this, itemIndex, error, json, request.permanent);
		},
	);
	output.push({ ...attached.item, json: { ...attached.item.json, ...attached.file } });
};

/**
 * The code exists (and a permanent one counts against the account's 100,000) but its image did
 * not arrive: an error that keeps the ticket, so nobody creates the code again to get an image.
 */
function imageNotDownloaded(context: IExecuteFunctions, itemIndex: number, error: unknown, json: IDataObject, permanent: boolean): NodeOperationError {
	const reason = error instanceof Error ? error.message : String(error);
	const ticket = String(json.ticket);
	const wrapped = new NodeOperationError(context.getNode(), `The QR code was created, but its image could not be downloaded: ${reason}`, {
		description: `Do not create the code again${permanent ? ' (each permanent code counts against the 100,000 an account may have)' : ''}: get its image later with QR Code → Get Image and its ticket, ${ticket} (with Continue On Fail the error item carries ticket, url and image_url), or open image_url in a browser. WeChat serves the images from mp.weixin.qq.com (a custom API Server serves them itself): check that the n8n server can reach it.`,
		itemIndex,
	});
	Object.assign(wrapped.context, { ticket, url: json.url, image_url: json.image_url });
	return wrapped;
}
