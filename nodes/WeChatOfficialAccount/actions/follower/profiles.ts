import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { BatchEntry, BatchOutcome } from '../../transport/batch';
import { DEFAULT_CONCURRENCY, sendInChunks } from '../../transport/batch';
import type { WeChatApiClient } from '../../transport/request';
import { withIsoTimes } from '../../helpers/time';

/** cgi-bin/user/info/batchget takes at most 100 OpenIDs (more: errcode 40032). */
export const MAX_PROFILES_PER_CALL = 100;

export const languageOption: INodeProperties = {
	displayName: 'Language',
	name: 'lang',
	type: 'options',
	options: [
		{ name: 'Simplified Chinese', value: 'zh_CN' },
		{ name: 'Traditional Chinese', value: 'zh_TW' },
		{ name: 'English', value: 'en' },
	],
	default: 'zh_CN',
	description: 'Language of the place names in the profile',
};

export interface ProfileRequest {
	lang: string;
	concurrency: number;
	/** keep fetching the other chunks after one failed */
	continueOnError: boolean;
}

interface BatchgetResponse extends IDataObject {
	user_info_list?: IDataObject[];
}

/**
 * Profiles of the entries' OpenIDs, 100 per call, a bounded number of calls at a time. Each
 * successful outcome's `result` holds one profile per entry, in entry order.
 */
export async function fetchProfiles(
	client: WeChatApiClient,
	entries: BatchEntry[],
	request: ProfileRequest,
): Promise<Array<BatchOutcome<IDataObject[]>>> {
	return await sendInChunks({
		entries,
		chunkSize: MAX_PROFILES_PER_CALL,
		concurrency: request.concurrency,
		continueOnError: request.continueOnError,
		send: async (openids, itemIndex) => {
			const response = await client.request<BatchgetResponse>(
				{
					method: 'POST',
					path: '/cgi-bin/user/info/batchget',
					body: { user_list: openids.map((openid) => ({ openid, lang: request.lang })) },
				},
				itemIndex,
			);
			return inRequestOrder(openids, response.user_info_list ?? []);
		},
	});
}

export const DEFAULT_PROFILE_CONCURRENCY = DEFAULT_CONCURRENCY;

/**
 * WeChat answers in request order; should it not, or leave a profile out, each OpenID still gets
 * its own (a missing one as just `{ openid }`, so no follower is lost).
 */
function inRequestOrder(openids: string[], profiles: IDataObject[]): IDataObject[] {
	const aligned = profiles.length === openids.length && profiles.every((profile, index) => profile.openid === openids[index]);
	if (aligned) return profiles.map(withIsoTime);
	const byOpenid = new Map(profiles.map((profile) => [profile.openid, profile]));
	return openids.map((openid) => {
		const profile = byOpenid.get(openid);
		return profile ? withIsoTime(profile) : { openid };
	});
}

/**
 * Fields WeChat has sent empty for every account since 27 December 2021 (nickname, avatar,
 * gender, region, privileges). Left out of profiles while empty, so items and files carry only
 * what WeChat actually says; a value, should WeChat ever send one again, is kept.
 */
export const RETIRED_PROFILE_FIELDS = ['nickname', 'sex', 'city', 'province', 'country', 'headimgurl', 'privilege'] as const;

/** The CSV columns of a profile, in this order (the profile items' fields, retired ones left out). */
export const PROFILE_COLUMNS = [
	'openid',
	'subscribe',
	'subscribe_time',
	'subscribe_time_iso',
	'subscribe_scene',
	'qr_scene',
	'qr_scene_str',
	'unionid',
	'remark',
	'tagid_list',
	'language',
	'groupid',
] as const;

function isEmptyValue(value: unknown): boolean {
	return value === '' || value === 0 || value === null || (Array.isArray(value) && value.length === 0);
}

/**
 * Adds `subscribe_time_iso` (WeChat gives seconds since 1970, spreadsheets and CRMs want a date)
 * and drops the retired fields while they are empty.
 */
function withIsoTime(profile: IDataObject): IDataObject {
	// The profile is a freshly parsed answer: change it in place rather than copy it per follower.
	for (const field of RETIRED_PROFILE_FIELDS) {
		if (field in profile && isEmptyValue(profile[field])) delete profile[field];
	}
	return withIsoTimes(profile, 'subscribe_time');
}
