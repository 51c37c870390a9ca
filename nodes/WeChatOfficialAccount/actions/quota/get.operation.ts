import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { OperationExecute } from '../node.type';

const properties: INodeProperties[] = [
	{
		displayName: 'API Path',
		name: 'cgiPath',
		type: 'string',
		required: true,
		default: '/cgi-bin/user/get',
		placeholder: '/cgi-bin/user/get',
		description:
			'The WeChat API whose daily quota to read, e.g. /cgi-bin/user/get for Follower → Get Many or /cgi-bin/user/info/batchget for profiles',
	},
];

export const description = updateDisplayOptions({ show: { resource: ['quota'], operation: ['get'] } }, properties);

interface QuotaResponse extends IDataObject {
	quota?: { daily_limit?: number; used?: number; remain?: number };
	rate_limit?: IDataObject;
}

/**
 * The daily quota of one API: { cgi_path, daily_limit, used, remain }. Reading it costs a call of
 * its own quota; resetting quotas (clear_quota, 10 times a month) is left to the account owner.
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const entered = String(this.getNodeParameter('cgiPath', itemIndex) ?? '').trim();
	if (!entered) {
		throw new NodeOperationError(this.getNode(), 'The API path is empty', {
			description: 'Enter the path of a WeChat API, e.g. /cgi-bin/user/get.',
			itemIndex,
		});
	}
	// WeChat wants the bare path: forgive a pasted URL or a missing leading slash.
	const cgiPath = `/${entered.replace(/^https?:\/\/[^/]+/i, '').replace(/[?#].*$/, '').replace(/^\/+/, '')}`;
	const response = await client.request<QuotaResponse>(
		{ method: 'POST', path: '/cgi-bin/openapi/quota/get', body: { cgi_path: cgiPath } },
		itemIndex,
	);
	output.push({
		json: {
			cgi_path: cgiPath,
			daily_limit: response.quota?.daily_limit,
			used: response.quota?.used,
			remain: response.quota?.remain,
			...(response.rate_limit ? { rate_limit: response.rate_limit } : {}),
		},
		pairedItem: { item: itemIndex },
	});
};
