import type { INodeProperties } from 'n8n-workflow';

import type { BatchedChange } from '../batchedChange';

/** batchblacklist and batchunblacklist take at most 20 OpenIDs (more: errcode 40032). */
export const MAX_BLACKLIST_PER_CALL = 20;

export const openidsField: INodeProperties = {
	displayName: 'OpenIDs',
	name: 'openids',
	type: 'string',
	required: true,
	default: '={{ $json.openid }}',
	description:
		'The users of this input item: one OpenID, several separated by commas, or an expression giving a list. The node sends the OpenIDs of all input items together, 20 per request.',
};

/** Blacklisting and unblacklisting: the same batch call with another path. */
export function blacklistChange(path: string, pastTense: string): BatchedChange {
	return {
		path,
		chunkSize: MAX_BLACKLIST_PER_CALL,
		openidsParameter: { name: 'openids', label: 'OpenIDs' },
		pastTense,
		targetOf: () => ({ key: 'blacklist', body: {}, output: {} }),
	};
}
