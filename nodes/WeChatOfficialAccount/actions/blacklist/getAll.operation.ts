import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { limitOf, returnAllOrLimit, startAfterOpenidOption } from '../../helpers/listParameters';
import { pullCursorList } from '../../transport/pagination';
import type { WeChatApiClient } from '../../transport/request';

const properties: INodeProperties[] = [
	...returnAllOrLimit,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [startAfterOpenidOption('blacklisted users')],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['blacklist'], operation: ['getAll'] } }, properties);

interface BlacklistResponse extends IDataObject {
	total?: number;
	count?: number;
	data?: { openid?: string[] };
	next_openid?: string;
}

/** The blacklisted users, one item each ({ openid }); WeChat's page size varies, the cursor decides. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: WeChatApiClient,
	output: INodeExecutionData[],
): Promise<void> {
	const options = this.getNodeParameter('options', itemIndex, {}) as { startAfterOpenid?: string };
	const pairedItem = { item: itemIndex };

	await pullCursorList.call(this, {
		startAfter: (options.startAfterOpenid ?? '').trim(),
		limit: limitOf(this, itemIndex),
		itemIndex,
		noun: 'blacklisted users',
		resumeParameter: 'Start After OpenID',
		fetchPage: async (cursor) => {
			const page = await client.request<BlacklistResponse>(
				{ method: 'POST', path: '/cgi-bin/tags/members/getblacklist', body: { begin_openid: cursor } },
				itemIndex,
			);
			return { ids: Array.isArray(page.data?.openid) ? page.data.openid : [], nextCursor: page.next_openid ?? '' };
		},
		emit: (openids) => {
			for (const openid of openids) output.push({ json: { openid }, pairedItem });
		},
	});
}
