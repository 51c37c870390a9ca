import type { IExecuteFunctions } from 'n8n-workflow';

import { openidsField } from '../../helpers/openids';
import type { BatchedChange } from '../batchedChange';
import { tagIdField, tagIdOf } from './fields';

/** batchtagging and batchuntagging take at most 50 OpenIDs (more: errcode 40032). */
export const MAX_TAGGING_PER_CALL = 50;

export const membershipFields = [tagIdField, openidsField(MAX_TAGGING_PER_CALL)];

/** Tagging and untagging: the same batch call with another path. */
export function tagMembership(path: string, pastTense: string): (context: IExecuteFunctions) => BatchedChange {
	return (context) => ({
		path,
		chunkSize: MAX_TAGGING_PER_CALL,
		openidsParameter: { name: 'openids', label: 'OpenIDs' },
		pastTense,
		targetOf: (itemIndex) => {
			const tagId = tagIdOf(context, itemIndex);
			return { key: String(tagId), body: { tagid: tagId }, output: { tagId } };
		},
	});
}
