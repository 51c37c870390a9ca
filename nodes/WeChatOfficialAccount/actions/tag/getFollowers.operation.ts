import { updateDisplayOptions } from '../../helpers/displayOptions';
import { limitOf, listOptions, returnAllOrLimit, startAfterOf } from '../../helpers/listParameters';
import { pullOpenidList } from '../../transport/pagination';
import { tagIdField, tagIdOf } from './fields';
import type { OperationExecute } from '../node.type';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['getFollowers'] } }, [
	tagIdField,
	...returnAllOrLimit,
	listOptions('followers of the tag'),
]);

/** The followers carrying a tag, one item each ({ openid, tagId }), paged with the cursor like Get Many. */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const tagId = tagIdOf(this, itemIndex);
	const pairedItem = { item: itemIndex };
	await pullOpenidList.call(this, client, {
		startAfter: startAfterOf(this, itemIndex),
		limit: limitOf(this, itemIndex),
		itemIndex,
		noun: `followers of tag ${tagId}`,
		resumeParameter: 'Start After OpenID',
		request: (cursor) => ({ method: 'POST', path: '/cgi-bin/user/tag/get', body: { tagid: tagId, next_openid: cursor } }),
		emit: (openids) => {
			for (const openid of openids) output.push({ json: { openid, tagId }, pairedItem });
		},
	});
};
