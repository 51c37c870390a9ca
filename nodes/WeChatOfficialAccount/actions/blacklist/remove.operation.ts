import type { IExecuteFunctions } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import type { WeChatApiClient } from '../../transport/request';
import { changeInBatches } from '../batchedChange';
import type { ItemOutcome } from '../node.type';
import { blacklistChange, openidsField } from './members';

export const description = updateDisplayOptions({ show: { resource: ['blacklist'], operation: ['remove'] } }, [openidsField]);

/** Takes users off the blacklist, 20 per request across all input items. */
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
		blacklistChange('/cgi-bin/tags/members/batchunblacklist', 'taken off the blacklist'),
	);
}
