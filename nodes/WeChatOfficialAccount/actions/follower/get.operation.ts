import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { updateDisplayOptions } from '../../helpers/displayOptions';
import { collectOpenids, openidField } from '../../helpers/openids';
import type { WeChatApiClient } from '../../transport/request';
import type { ItemOutcome } from '../node.type';
import { DEFAULT_PROFILE_CONCURRENCY, fetchProfiles, languageOption } from './profiles';

const properties: INodeProperties[] = [
	openidField(
		"The follower's OpenID. The node asks WeChat for the profiles of up to 100 input items per request, so a list of followers costs one request per 100.",
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [languageOption],
	},
];

export const description = updateDisplayOptions({ show: { resource: ['follower'], operation: ['get'] } }, properties);

/**
 * One follower's profile per input item. WeChat's batch endpoint serves the profiles of up to 100
 * items per call; cgi-bin/user/info would cost one call per item for the same fields.
 */
export async function executeBatch(
	this: IExecuteFunctions,
	itemIndexes: number[],
	client: WeChatApiClient,
	continueOnFail: boolean,
): Promise<ItemOutcome[]> {
	const { entries, failures } = collectOpenids(this, itemIndexes, 'openid', 'OpenID');
	if (failures.length > 0 && !continueOnFail) return failures.slice(0, 1);

	// Items may ask for different languages: one batch per language.
	const byLanguage = new Map<string, typeof entries>();
	for (const entry of entries) {
		const { lang = 'zh_CN' } = this.getNodeParameter('options', entry.itemIndex, {}) as { lang?: string };
		const batch = byLanguage.get(lang);
		if (batch) batch.push(entry);
		else byLanguage.set(lang, [entry]);
	}

	const outcomes: ItemOutcome[] = [...failures];
	for (const [lang, languageEntries] of byLanguage) {
		const profiles = await fetchProfiles(client, languageEntries, {
			lang,
			concurrency: DEFAULT_PROFILE_CONCURRENCY,
			continueOnError: continueOnFail,
		});
		for (const { entries: sent, result, error } of profiles) {
			sent.forEach((entry, index) =>
				outcomes.push(error ? { itemIndex: entry.itemIndex, error } : { itemIndex: entry.itemIndex, json: [result![index]] }),
			);
			if (error && !continueOnFail) return [{ itemIndex: sent[0].itemIndex, error }];
		}
	}
	return outcomes;
}
