import { updateDisplayOptions } from '../../helpers/displayOptions';
import { limitOf, listOptions, returnAllOrLimit, startAfterOf } from '../../helpers/listParameters';
import { pullOpenidList } from '../../transport/pagination';
import type { OperationExecute } from '../node.type';

export const description = updateDisplayOptions({ show: { resource: ['blacklist'], operation: ['getAll'] } }, [
	...returnAllOrLimit,
	listOptions('blacklisted users'),
]);

/** The blacklisted users, one item each ({ openid }); WeChat's page size varies, the cursor decides. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
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
};
