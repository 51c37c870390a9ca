import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';

/** WeChat's limits of shorten/gen: long_data up to 4 KB, kept up to 30 days. */
export const MAX_LONG_DATA_BYTES = 4096;
export const MAX_EXPIRE_SECONDS = 2_592_000;

const properties: INodeProperties[] = [
	{
		displayName: 'Long Data',
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
 * Stores up to 4 KB behind a short key; outputs { short_key, expire_seconds, expires_at,
 * long_data_bytes }. Repeat safety `safe`: a repeated call makes one more key for the same data.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const longData = String(this.getNodeParameter('longData', itemIndex) ?? '');
	const bytes = Buffer.byteLength(longData, 'utf8');
	if (bytes === 0) {
		throw new NodeOperationError(this.getNode(), `Input item ${itemIndex + 1}: "Long Data" is empty`, {
			description: 'Enter the text to store behind the short key.',
			itemIndex,
		});
	}
	if (bytes > MAX_LONG_DATA_BYTES) {
		throw new NodeOperationError(
			this.getNode(),
			`Input item ${itemIndex + 1}: "Long Data" is ${bytes.toLocaleString('en-US')} bytes; WeChat stores at most 4,096 bytes (UTF-8)`,
			{ description: 'Nothing was sent to WeChat. Shorten the data (a Chinese character takes 3 bytes), or store it elsewhere and shorten a key to it.', itemIndex },
		);
	}
	const raw = this.getNodeParameter('expireSeconds', itemIndex);
	const expireSeconds = Number(raw);
	if (!Number.isInteger(expireSeconds) || expireSeconds < 1 || expireSeconds > MAX_EXPIRE_SECONDS) {
		throw new NodeOperationError(
			this.getNode(),
			`Input item ${itemIndex + 1}: "Expires In (Seconds)" must be a whole number from 1 to 2,592,000, not ${String(raw)}`,
			{ description: 'WeChat keeps short keys for at most 30 days (2,592,000 seconds).', itemIndex },
		);
	}
	const requestedAt = Date.now();
	const response = await client.request<IDataObject & { short_key?: string }>(
		{ method: 'POST', path: '/cgi-bin/shorten/gen', body: { long_data: longData, expire_seconds: expireSeconds } },
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
