import { updateDisplayOptions } from '../../helpers/displayOptions';
import { fileNameOption, listOutputProperties, outputList } from '../../helpers/listOutput';
import { limitOf, listOptions, returnAllOrLimit, startAfterOf } from '../../helpers/listParameters';
import { pullOpenidList } from '../../transport/pagination';
import { tagIdField, tagIdOf } from './fields';
import type { OperationExecute } from '../node.type';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['getFollowers'] } }, [
	tagIdField,
	...returnAllOrLimit,
	...listOutputProperties('Follower', 'followers of the tag'),
	listOptions('followers of the tag', [fileNameOption('tag-100-followers.csv')]),
]);

/**
 * The followers carrying a tag, paged with the cursor like Get Many: one item each
 * ({ openid, tagId }), one item per page, or one file (helpers/listOutput.ts).
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	const tagId = tagIdOf(this, itemIndex);
	await outputList.call(this, itemIndex, output, {
		noun: `followers of tag ${tagId}`,
		baseName: `tag-${tagId}-followers`,
		itemFields: { tagId },
		pull: async (emit, how) =>
			await pullOpenidList.call(this, client, {
				startAfter: startAfterOf(this, itemIndex),
				limit: limitOf(this, itemIndex),
				itemIndex,
				noun: `followers of tag ${tagId}`,
				resumeParameter: 'Start After OpenID',
				request: (cursor) => ({ method: 'POST', path: '/cgi-bin/user/tag/get', body: { tagid: tagId, next_openid: cursor } }),
				emit,
				...how,
			}),
	});
};
