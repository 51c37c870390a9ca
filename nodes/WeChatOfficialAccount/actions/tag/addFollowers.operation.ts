import type { IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { WeChatApiClient } from '../../transport/request';
import { changeInBatches } from '../batchedChange';
import type { ItemOutcome } from '../node.type';
import { tagIdField } from './fields';
import { openidsField, tagMembership } from './members';

export const description = updateDisplayOptions({ show: { resource: ['tag'], operation: ['addFollowers'] } }, [tagIdField, openidsField]);

/** Puts a tag on followers, 50 per request across all input items. */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
	client: WeChatApiClient,
	continueOnFail: boolean,
): Promise<ItemOutcome[]> {
	return await changeInBatches.call(
		this,
		itemIndexes,
		client,
		continueOnFail,
		tagMembership(this, '/cgi-bin/tags/members/batchtagging', 'tagged'),
	);
}
