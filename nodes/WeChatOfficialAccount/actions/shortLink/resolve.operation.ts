import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { requiredTextOf } from '../../helpers/itemParameters';
import { withIsoTimes } from '../../helpers/time';
import type { OperationExecute } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'Short Key',
		name: 'shortKey',
		type: 'string',
		required: true,
		default: '={{ $json.short_key }}',
		placeholder: 'iTqRJFSEqk9RvPk',
		description: 'The short_key Short Link → Create returned',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['shortLink'], operation: ['resolve'] } }, properties);

interface FetchResponse extends IDataObject {
	long_data?: string;
	create_time?: number;
	expire_seconds?: number;
}

/**
 * The data behind a short key: { short_key, long_data, create_time, create_time_iso,
 * expire_seconds (seconds left), expires_at (counted from when the node asked) }.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const shortKey = requiredTextOf(
		this,
		itemIndex,
		'shortKey',
		'Short Key',
		'Use the short_key Short Link → Create returned, e.g. with the expression {{ $json.short_key }}.',
	);
	const requestedAt = Date.now();
	const response = await client.request<FetchResponse>({ method: 'POST', path: '/cgi-bin/shorten/fetch', body: { short_key: shortKey } }, itemIndex);
	const json: IDataObject = withIsoTimes({ short_key: shortKey, long_data: response.long_data, create_time: response.create_time }, 'create_time');
	json.expire_seconds = response.expire_seconds;
	const left = Number(response.expire_seconds);
	if (response.expire_seconds !== undefined && Number.isFinite(left)) json.expires_at = new Date(requestedAt + left * 1000).toISOString();
	output.push({ json, pairedItem: { item: itemIndex } });
};
