import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { invalidParameter, wholeNumberOf } from '../../helpers/itemParameters';
import type { OperationExecute } from '../node.type';

/** WeChat's limits of shorten/gen: long_data up to 4 KB, kept up to 30 days. */
export const MAX_LONG_DATA_BYTES = 4096;
export const MAX_EXPIRE_SECONDS = 2_592_000;

const properties: INodeProperties[] = [
	{
		displayName: 'Data to Shorten',
		name: 'longData',
		type: 'string',
		typeOptions: { rows: 3 },
		required: true,
		default: '',
		description: 'The text to store behind a short key, up to 4 KB (4,096 bytes in UTF-8), e.g. a long URL or JSON',
	},
	{
		displayName: 'Expires In (Seconds)',
		name: 'expireSeconds',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MAX_EXPIRE_SECONDS },
		default: MAX_EXPIRE_SECONDS,
		description: 'How long WeChat keeps the short key: up to 2,592,000 seconds (30 days)',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['shortLink'], operation: ['create'] } }, properties);

/**
 * Stores up to 4 KB behind a short key; outputs { short_key, expire_seconds, expires_at (counted
 * from when the node asked), long_data_bytes }. Repeat safety `safe`: a call repeated after a
 * lost answer makes one more key for the same data, which expires unused; nothing is doubled
 * that a user sees.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const longData = String(this.getNodeParameter('longData', itemIndex) ?? '');
	const bytes = Buffer.byteLength(longData, 'utf8');
	if (bytes === 0) {
		throw invalidParameter(this, itemIndex, 'Data to Shorten', 'is empty', 'Enter the text to store behind the short key.');
	}
	if (bytes > MAX_LONG_DATA_BYTES) {
		throw invalidParameter(
			this,
			itemIndex,
			'Data to Shorten',
			`is ${bytes.toLocaleString('en-US')} bytes; WeChat stores at most 4,096 bytes (UTF-8)`,
			'Nothing was sent to WeChat. Shorten the data (a Chinese character takes 3 bytes), or store it elsewhere and shorten a key to it.',
		);
	}
	const expireSeconds = wholeNumberOf(
		this,
		itemIndex,
		'expireSeconds',
		'Expires In (Seconds)',
		{ min: 1, max: MAX_EXPIRE_SECONDS },
		'WeChat keeps short keys for at most 30 days (2,592,000 seconds).',
	);
	const requestedAt = Date.now();
	const response = await client.request<IDataObject & { short_key?: string }>(
		{ method: 'POST', path: '/cgi-bin/shorten/gen', body: { long_data: longData, expire_seconds: expireSeconds }, repeat: 'safe' },
		itemIndex,
	);
	output.push({
		json: {
			short_key: response.short_key,
			expire_seconds: expireSeconds,
			expires_at: new Date(requestedAt + expireSeconds * 1000).toISOString(),
			long_data_bytes: bytes,
		},
		pairedItem: { item: itemIndex },
	});
};
