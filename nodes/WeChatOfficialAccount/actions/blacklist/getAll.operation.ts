import { updateDisplayOptions } from '../../helpers/displayOptions';
import { fileNameOption, listOutputProperties, outputList } from '../../helpers/listOutput';
import { limitOf, listOptions, returnAllOrLimit, startAfterOf } from '../../helpers/listParameters';
import { pullOpenidList } from '../../transport/pagination';
import type { OperationExecute } from '../node.type';

export const description = updateDisplayOptions({ show: { resource: ['blacklist'], operation: ['getAll'] } }, [
	...returnAllOrLimit,
	...listOutputProperties('User', 'blacklisted users'),
	listOptions('blacklisted users', [fileNameOption('blacklist.csv')]),
]);

/**
 * The blacklisted users (WeChat's page size varies, the cursor decides): one item each
 * ({ openid }), one item per page, or one file (helpers/listOutput.ts).
 */
export const execute: OperationExecute = async function (itemIndex, client, output) {
	await outputList.call(this, itemIndex, output, {
		noun: 'blacklisted users',
		baseName: 'blacklist',
		pull: async (emit) =>
			await pullOpenidList.call(this, client, {
				startAfter: startAfterOf(this, itemIndex),
				limit: limitOf(this, itemIndex),
				itemIndex,
				noun: 'blacklisted users',
				resumeParameter: 'Start After OpenID',
				request: (cursor) => ({ method: 'POST', path: '/cgi-bin/tags/members/getblacklist', body: { begin_openid: cursor } }),
				emit,
			}),
	});
};
