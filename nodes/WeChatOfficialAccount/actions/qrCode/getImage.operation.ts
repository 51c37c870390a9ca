import type { INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { requiredTextOf } from '../../helpers/itemParameters';
import type { OperationExecute } from '../node.type';
import { attachImage, imageUrlOf, outputFieldOf, outputFieldOption } from './image';

const properties: INodeProperties[] = [
	{
		displayName: 'Ticket',
		name: 'ticket',
		type: 'string',
		required: true,
		default: '={{ $json.ticket }}',
		description: 'The ticket QR Code → Create returned (or its image_url)',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [outputFieldOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['qrCode'], operation: ['getImage'] } }, properties);

/** A ticket as entered, or the ticket inside a showqrcode address. */
function ticketOf(value: string): string {
	const fromUrl = /[?&]ticket=([^&#]+)/.exec(value);
	if (!fromUrl) return value.trim();
	try {
		return decodeURIComponent(fromUrl[1]);
	} catch {
		return fromUrl[1];
	}
}

/**
 * Downloads the image of a stored ticket into a binary field; outputs { ticket, image_url,
 * file_name, mime_type, file_size }.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const ticket = ticketOf(
		requiredTextOf(this, itemIndex, 'ticket', 'Ticket', 'Use the ticket QR Code → Create returned, e.g. with the expression {{ $json.ticket }}.'),
	);
	const propertyName = outputFieldOf(this, itemIndex);
	const { item, file } = await attachImage(this, client, itemIndex, ticket, 'qrcode', propertyName, {
		json: { ticket, image_url: imageUrlOf(ticket) },
		pairedItem: { item: itemIndex },
	});
	item.json = { ...item.json, ...file };
	output.push(item);
};
