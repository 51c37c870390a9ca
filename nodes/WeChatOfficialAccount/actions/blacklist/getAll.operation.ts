import { updateDisplayOptions } from '../../helpers/displayOptions';
import { fileNameOption, listOutputProperties, outputList } from '../../helpers/listOutput';
import { limitOf, listOptions, returnAllOrLimit, startAfterOf } from '../../helpers/listParameters';
import { pullOpenidList } from '../../transport/pagination';
import type { OperationExecute } from '../node.type';

export const description = updateDisplayOptions({ show: { resource: ['blacklist'], operation: ['getAll'] } }, [
	...returnAllOrLimit,
	...listOutputProperties('Follower', 'blacklisted followers'),
	listOptions('blacklisted followers', [fileNameOption('blacklist.csv')]),
]);

/**
 * The blacklisted followers (WeChat's page size varies, the cursor decides): one item each
 * ({ openid }), one item per page, or one file (helpers/listOutput.ts).
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	await outputList.call(this, itemIndex, output, {
		noun: 'blacklisted followers',
		baseName: 'blacklist',
		pull: async (emit, how) =>
			await pullOpenidList.call(this, client, {
				startAfter: startAfterOf(this, itemIndex),
				limit: limitOf(this, itemIndex),
				itemIndex,
				noun: 'blacklisted followers',
				resumeParameter: 'Start After OpenID',
				request: (cursor) => ({ method: 'POST', path: '/cgi-bin/tags/members/getblacklist', body: { begin_openid: cursor } }),
				emit,
				...how,
			}),
	});
};
