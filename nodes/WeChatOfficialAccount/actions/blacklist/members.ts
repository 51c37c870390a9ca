import { openidsField } from '../../helpers/openids';
import type { BatchedChange } from '../batchedChange';

/** batchblacklist and batchunblacklist take at most 20 OpenIDs (more: errcode 40032). */
export const MAX_BLACKLIST_PER_CALL = 20;

export const blacklistFields = [openidsField(MAX_BLACKLIST_PER_CALL)];

/** Blacklisting and unblacklisting: the same batch call with another path, for every item alike. */
export function blacklistChange(path: string, pastTense: string): () => BatchedChange {
	return () => ({
		path,
		chunkSize: MAX_BLACKLIST_PER_CALL,
		openidsParameter: { name: 'openids', label: 'OpenIDs' },
		pastTense,
		targetOf: () => ({ key: 'blacklist', body: {}, output: {} }),
	});
}
