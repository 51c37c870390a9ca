/**
 * Readable names of WeChat's analytics codes, added next to the code itself (which stays).
 * Sources: WeChat's datacube documentation as quoted by wechatpy, WxJava, Senparc and gochat.
 */

/** getusersummary `user_source`: how new followers found the account. */
const FOLLOWER_SOURCES: Record<number, string> = {
	0: 'Other',
	1: 'Account search',
	17: 'Business card share',
	30: 'QR code scan',
	51: 'Follow after payment',
	57: 'Account name in an article',
	100: 'WeChat advertising',
	149: 'Mini Program',
	161: 'Repost by others',
	200: 'WeChat Channels',
	201: 'Live stream',
};

/** getusershare(hour) `share_scene`. */
const SHARE_SCENES: Record<number, string> = {
	1: 'Forwarded to a friend',
	2: 'Moments',
	3: 'Tencent Weibo',
	255: 'Other',
};

/** getupstreammsg* `msg_type`. */
const MESSAGE_TYPES: Record<number, string> = {
	1: 'Text',
	2: 'Image',
	3: 'Voice',
	4: 'Video',
	6: 'Link (third-party app message)',
};

/** getupstreammsgdist* `count_interval`: messages a follower sent that day (week, month). */
const COUNT_INTERVALS: Record<number, string> = {
	0: '0',
	1: '1-5',
	2: '6-10',
	3: 'More than 10',
};

function nameOf(names: Record<number, string>, code: unknown): string {
	const name = names[Number(code)];
	return name ?? `Unknown (${String(code)})`;
}

export const followerSourceName = (code: unknown) => nameOf(FOLLOWER_SOURCES, code);
export const shareSceneName = (code: unknown) => nameOf(SHARE_SCENES, code);
export const messageTypeName = (code: unknown) => nameOf(MESSAGE_TYPES, code);
export const countIntervalName = (code: unknown) => nameOf(COUNT_INTERVALS, code);
