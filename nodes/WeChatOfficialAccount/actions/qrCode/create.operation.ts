import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';
import { attachImage, fileNameOfScene, imageUrlOf, outputFieldOf, outputFieldOption } from './image';

export const MAX_TEMPORARY_SCENE_ID = 4_294_967_295;
export const MAX_PERMANENT_SCENE_ID = 100_000;
export const MIN_EXPIRE_SECONDS = 60;
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
	const refuse = (message: string, description: string) =>
		new NodeOperationError(context.getNode(), `Input item ${itemIndex + 1}: ${message}`, { description, itemIndex });
	const permanent = context.getNodeParameter('codeType', itemIndex) === 'permanent';
	const text = context.getNodeParameter('sceneType', itemIndex) === 'text';
	let request: QrCodeRequest;
	if (text) {
		const sceneStr = String(context.getNodeParameter('sceneStr', itemIndex) ?? '');
		const length = [...sceneStr].length;
		if (length === 0 || length > MAX_SCENE_STR_LENGTH) {
			throw refuse(
				`"Scene" must be 1 to ${MAX_SCENE_STR_LENGTH} characters, not ${length}`,
				'WeChat takes text scenes of 1 to 64 characters. Use a shorter key, e.g. an ID you look up when the follow or scan event arrives.',
			);
		}
		request = { permanent, actionName: permanent ? 'QR_LIMIT_STR_SCENE' : 'QR_STR_SCENE', scene: { scene_str: sceneStr }, sceneValue: sceneStr };
	} else {
		const raw = context.getNodeParameter('sceneId', itemIndex);
		const sceneId = Number(raw);
		const max = permanent ? MAX_PERMANENT_SCENE_ID : MAX_TEMPORARY_SCENE_ID;
		if (!Number.isInteger(sceneId) || sceneId < 1 || sceneId > max) {
			throw refuse(
				`"Scene" must be a whole number from 1 to ${max.toLocaleString('en-US')} for a ${permanent ? 'permanent' : 'temporary'} code, not ${String(raw)}`,
				permanent
					? 'Permanent codes take number scenes from 1 to 100,000. Use a text scene for other values.'
					: 'Temporary codes take number scenes from 1 to 4,294,967,295 (a 32-bit number other than 0).',
			);
		}
		request = { permanent, actionName: permanent ? 'QR_LIMIT_SCENE' : 'QR_SCENE', scene: { scene_id: sceneId }, sceneValue: sceneId };
	}
	if (!permanent) {
		const raw = context.getNodeParameter('expireSeconds', itemIndex);
		const expireSeconds = Number(raw);
		if (!Number.isInteger(expireSeconds) || expireSeconds < MIN_EXPIRE_SECONDS || expireSeconds > MAX_EXPIRE_SECONDS) {
			throw refuse(
				`"Expires In (Seconds)" must be a whole number from 60 to 2,592,000, not ${String(raw)}`,
				'Temporary QR codes last 60 seconds to 30 days (2,592,000 seconds). For a code that never expires, choose Code Type "Permanent".',
			);
		}
		request.expireSeconds = expireSeconds;
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
 * and the image in a binary field unless "Download Image" is off. Repeat safety `safe`: a repeated
 * temporary code is one more unused ticket; a permanent scene asked again is the same scene.
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
	const response = await client.request<CreateResponse>({ method: 'POST', path: '/cgi-bin/qrcode/create', body }, itemIndex);
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
	output.push(
		options.downloadImage === false
			? item
			: (await attachImage(this, client, itemIndex, ticket, fileNameOfScene(request.sceneValue), propertyName, item)).item,
	);
};
