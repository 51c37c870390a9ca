import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { BatchedChange } from '../batchedChange';
import { tagIdOf } from './fields';

/** batchtagging and batchuntagging take at most 50 OpenIDs (more: errcode 40032). */
export const MAX_TAGGING_PER_CALL = 50;

export const openidsField: INodeProperties = {
	displayName: 'OpenIDs',
	name: 'openids',
	type: 'string',
	required: true,
	default: '={{ $json.openid }}',
	description:
		'The followers of this input item: one OpenID, several separated by commas, or an expression giving a list. The node sends the OpenIDs of all input items together, 50 per request.',
};

/** Tagging and untagging: the same batch call with another path. */
export function tagMembership(context: IExecuteFunctions, path: string, pastTense: string): BatchedChange {
	return {
		path,
		chunkSize: MAX_TAGGING_PER_CALL,
		openidsParameter: { name: 'openids', label: 'OpenIDs' },
		pastTense,
		targetOf: (itemIndex) => {
			const tagId = tagIdOf(context, itemIndex);
			return { key: String(tagId), body: { tagid: tagId }, output: { tagId } };
		},
	};
}
