import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { WeChatApiClient } from '../../transport/request';
import { pullCursorList } from '../../transport/pagination';
import { updateDisplayOptions } from '../../helpers/displayOptions';

const properties: INodeProperties[] = [
	{
		displayName: 'Return All',
		name: 'returnAll',
		type: 'boolean',
		default: false,
		description: 'Whether to return all results or only up to a given limit',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: { returnAll: [false] } },
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Start After OpenID',
				name: 'startAfterOpenid',
				type: 'string',
				default: '',
				placeholder: 'oLVPpjqs9BhvzwPj5A-vTYAX3GLc',
				description:
					'Continue a previous pull: return the followers that come after this OpenID (the last one a previous run returned, or the one a quota error named)',
			},
		],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['follower'], operation: ['getAll'] } }, properties);

interface UserGetResponse extends IDataObject {
	total?: number;
	count?: number;
	data?: { openid?: string[] };
	next_openid?: string;
}

/** Get followers: every OpenID of the account (or up to a limit), one item each. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: WeChatApiClient,
	output: INodeExecutionData[],
): Promise<void> {
	const returnAll = this.getNodeParameter('returnAll', itemIndex) as boolean;
	const limit = returnAll ? undefined : (this.getNodeParameter('limit', itemIndex) as number);
	const options = this.getNodeParameter('options', itemIndex, {}) as { startAfterOpenid?: string };
	const pairedItem = { item: itemIndex };

	await pullCursorList.call(this, {
		startAfter: (options.startAfterOpenid ?? '').trim(),
		limit,
		itemIndex,
		noun: 'followers',
		resumeParameter: 'Start After OpenID',
		fetchPage: async (cursor) => {
			const page = await client.request<UserGetResponse>(
				{ method: 'GET', path: '/cgi-bin/user/get', qs: cursor ? { next_openid: cursor } : {} },
				itemIndex,
			);
			return { ids: Array.isArray(page.data?.openid) ? page.data.openid : [], nextCursor: page.next_openid ?? '' };
		},
		emit: (openids) => {
			// One pairedItem object for all items of an input item, as n8n's constructExecutionMetaData does.
			for (const openid of openids) output.push({ json: { openid }, pairedItem });
		},
	});
}
