import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { limitOf, returnAllOrLimit, startAfterOpenidOption } from '../../helpers/listParameters';
import { pullCursorList } from '../../transport/pagination';
import type { WeChatApiClient } from '../../transport/request';
import { tagIdField, tagIdOf } from './fields';

const properties: INodeProperties[] = [
	tagIdField,
	...returnAllOrLimit,
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [startAfterOpenidOption('followers of the tag')],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['getFollowers'] } }, properties);

interface TagFollowersResponse extends IDataObject {
	count?: number;
	data?: { openid?: string[] };
	next_openid?: string;
}

/** The followers carrying a tag, one item each ({ openid, tagId }), paged with the cursor like Get Many. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: WeChatApiClient,
	output: INodeExecutionData[],
): Promise<void> {
	const tagId = tagIdOf(this, itemIndex);
	const options = this.getNodeParameter('options', itemIndex, {}) as { startAfterOpenid?: string };
	const pairedItem = { item: itemIndex };

	await pullCursorList.call(this, {
		startAfter: (options.startAfterOpenid ?? '').trim(),
		limit: limitOf(this, itemIndex),
		itemIndex,
		noun: `followers of tag ${tagId}`,
		resumeParameter: 'Start After OpenID',
		fetchPage: async (cursor) => {
			const page = await client.request<TagFollowersResponse>(
				{ method: 'POST', path: '/cgi-bin/user/tag/get', body: { tagid: tagId, next_openid: cursor } },
				itemIndex,
			);
			return { ids: Array.isArray(page.data?.openid) ? page.data.openid : [], nextCursor: page.next_openid ?? '' };
		},
		emit: (openids) => {
			for (const openid of openids) output.push({ json: { openid, tagId }, pairedItem });
		},
	});
}
