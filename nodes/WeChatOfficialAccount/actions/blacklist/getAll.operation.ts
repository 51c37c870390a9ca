import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { limitOf, listOptions, returnAllOrLimit, startAfterOf } from '../../helpers/listParameters';
import { pullOpenidList } from '../../transport/pagination';
import type { WeChatApiClient } from '../../transport/request';

export const description = updateDisplayOptions({ show: { resource: ['blacklist'], operation: ['getAll'] } }, [
	...returnAllOrLimit,
	listOptions('blacklisted users'),
]);

/** The blacklisted users, one item each ({ openid }); WeChat's page size varies, the cursor decides. */
export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
	client: WeChatApiClient,
	output: INodeExecutionData[],
): Promise<void> {
	const pairedItem = { item: itemIndex };
	await pullOpenidList.call(this, client, {
		startAfter: startAfterOf(this, itemIndex),
		limit: limitOf(this, itemIndex),
		itemIndex,
		noun: 'blacklisted users',
		resumeParameter: 'Start After OpenID',
		request: (cursor) => ({ method: 'POST', path: '/cgi-bin/tags/members/getblacklist', body: { begin_openid: cursor } }),
		emit: (openids) => {
			for (const openid of openids) output.push({ json: { openid }, pairedItem });
		},
	});
}
