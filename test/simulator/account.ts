/**
 * The follower domain of the simulated account beyond the follower list: profiles, remarks,
 * tags and their members, the blacklist and API quotas, with the limits and errcodes of the real
 * API (shared/reference/wechat-api.md and WeChat's user-management documentation).
 */
import type { EndShape } from './simulator';

export const LIMITS = {
	profilesPerCall: 100,
	taggingPerCall: 50,
	blacklistPerCall: 20,
	tagsPerAccount: 100,
	tagsPerFollower: 20,
	tagNameLength: 30,
	/** a tag with more followers cannot be deleted (45057) */
	deletableTagFollowers: 100_000,
};

/** System tags WeChat creates itself; IDs 0-2 cannot be changed (45058). */
const SYSTEM_TAGS = new Map([[2, '星标组']]);
const FIRST_TAG_ID = 100;
const SUBSCRIBE_SCENES = ['ADD_SCENE_SEARCH', 'ADD_SCENE_QR_CODE', 'ADD_SCENE_PROFILE_CARD', 'ADD_SCENE_ACCOUNT_MIGRATION', 'ADD_SCENE_OTHERS'];

type Reply = Record<string, unknown>;

interface Tag {
	name: string;
	/** in tagging order */
	members: string[];
	memberSet: Set<string>;
}

export interface CursorListView {
	ids: readonly string[];
	indexOf(id: string): number | undefined;
}

export class SimulatedAccount {
	readonly tags = new Map<number, Tag>();
	readonly blacklist: string[] = [];
	readonly remarks = new Map<string, string>();
	/** users who unfollowed: their OpenIDs stay valid, their profile says subscribe: 0 */
	readonly formerFollowers = new Set<string>();
	/** answered by openapi/quota/get; `used` counts successful calls */
	readonly dailyLimits = new Map<string, number>([
		['/cgi-bin/user/get', 500],
		['/cgi-bin/user/info/batchget', 500_000],
		['/cgi-bin/tags/members/batchtagging', 100_000],
	]);
	blacklistPageSize = 1000;
	tagPageSize = 10_000;
	private nextTagId = FIRST_TAG_ID;

	constructor(
		private readonly followers: () => CursorListView,
		private readonly rid: () => string,
		private readonly successfulCalls: (path: string) => number,
	) {
		for (const [id, name] of SYSTEM_TAGS) this.tags.set(id, { name, members: [], memberSet: new Set() });
	}

	isKnownUser(openid: unknown): openid is string {
		return typeof openid === 'string' && (this.followers().indexOf(openid) !== undefined || this.formerFollowers.has(openid));
	}

	/** Tags a user carries, in ID order. */
	tagsOf(openid: string): number[] {
		return [...this.tags.entries()].filter(([, tag]) => tag.memberSet.has(openid)).map(([id]) => id);
	}

	/** Creates a tag directly, as if done in the WeChat platform; returns its ID. */
	addTag(name: string, members: string[] = []): number {
		const id = this.nextTagId++;
		this.tags.set(id, { name, members: [...members], memberSet: new Set(members) });
		return id;
	}

	profile(openid: string, lang: unknown): Reply {
		const index = this.followers().indexOf(openid);
		if (index === undefined) return { subscribe: 0, openid, tagid_list: [] };
		return {
			subscribe: 1,
			openid,
			nickname: '',
			sex: 0,
			language: lang === 'en' ? 'en' : 'zh_CN',
			city: '',
			province: '',
			country: '',
			headimgurl: '',
			// one follower a minute since 2020-01-01, so each has its own time
			subscribe_time: 1_577_836_800 + index * 60,
			...(index % 2 === 0 ? { unionid: `uSIM${openid.slice(5)}` } : {}),
			remark: this.remarks.get(openid) ?? '',
			groupid: 0,
			tagid_list: this.tagsOf(openid),
			subscribe_scene: SUBSCRIBE_SCENES[index % SUBSCRIBE_SCENES.length],
			qr_scene: index % 5 === 1 ? 98_765 : 0,
			qr_scene_str: index % 5 === 1 ? 'campaign-2026' : '',
		};
	}

	route(path: string, query: Record<string, string>, body: Record<string, unknown>, endShape: EndShape): Reply | undefined {
		switch (path) {
			case '/cgi-bin/user/info':
				return this.isKnownUser(query.openid) ? this.profile(query.openid, query.lang) : this.invalidOpenid();
			case '/cgi-bin/user/info/batchget':
				return this.batchget(body);
			case '/cgi-bin/user/info/updateremark':
				return this.updateRemark(body);
			case '/cgi-bin/tags/create':
				return this.createTag(body);
			case '/cgi-bin/tags/get':
				return { tags: [...this.tags.entries()].map(([id, tag]) => ({ id, name: tag.name, count: tag.members.length })) };
			case '/cgi-bin/tags/update':
				return this.updateTag(body);
			case '/cgi-bin/tags/delete':
				return this.deleteTag(body);
			case '/cgi-bin/user/tag/get':
				return this.tagFollowers(body, endShape);
			case '/cgi-bin/tags/members/batchtagging':
				return this.tagging(body, true);
			case '/cgi-bin/tags/members/batchuntagging':
				return this.tagging(body, false);
			case '/cgi-bin/tags/getidlist':
				return this.isKnownUser(body.openid) ? { tagid_list: this.tagsOf(body.openid) } : this.invalidOpenid();
			case '/cgi-bin/tags/members/getblacklist':
				return this.getBlacklist(body, endShape);
			case '/cgi-bin/tags/members/batchblacklist':
				return this.changeBlacklist(body, true);
			case '/cgi-bin/tags/members/batchunblacklist':
				return this.changeBlacklist(body, false);
			case '/cgi-bin/openapi/quota/get':
				return this.quota(body);
			default:
				return undefined;
		}
	}

	private ok(): Reply {
		return { errcode: 0, errmsg: 'ok' };
	}

	private invalidOpenid(): Reply {
		return { errcode: 40003, errmsg: `invalid openid rid: ${this.rid()}` };
	}

	private tooMany(): Reply {
		return { errcode: 40032, errmsg: `invalid openid list size rid: ${this.rid()}` };
	}

	/** The OpenID list of a batch call, or the errcode WeChat answers for the whole batch. */
	private openidList(list: unknown, max: number): string[] | Reply {
		if (!Array.isArray(list) || list.length === 0) return { errcode: 40035, errmsg: `invalid args rid: ${this.rid()}` };
		if (list.length > max) return this.tooMany();
		if (!list.every((openid) => this.isKnownUser(openid))) return this.invalidOpenid();
		return list as string[];
	}

	private batchget(body: Record<string, unknown>): Reply {
		const users = body.user_list as Array<{ openid?: unknown; lang?: unknown }> | undefined;
		const openids = this.openidList(users?.map((user) => user?.openid), LIMITS.profilesPerCall);
		if (!Array.isArray(openids)) return openids;
		return { user_info_list: openids.map((openid, index) => this.profile(openid, users![index].lang)) };
	}

	private updateRemark(body: Record<string, unknown>): Reply {
		if (!this.isKnownUser(body.openid)) return this.invalidOpenid();
		if (typeof body.remark !== 'string' || [...body.remark].length > 30) return { errcode: 40035, errmsg: `invalid args rid: ${this.rid()}` };
		this.remarks.set(body.openid, body.remark);
		return this.ok();
	}

	private tagNameProblem(name: unknown, exceptId?: number): Reply | undefined {
		if (typeof name !== 'string' || name.trim() === '') return { errcode: 45157, errmsg: `invalid tag name rid: ${this.rid()}` };
		if ([...name].length > LIMITS.tagNameLength) return { errcode: 45158, errmsg: `tag name too long rid: ${this.rid()}` };
		for (const [id, tag] of this.tags) {
			if (id !== exceptId && tag.name === name) return { errcode: 45157, errmsg: `invalid tag name rid: ${this.rid()}` };
		}
		return undefined;
	}

	private createTag(body: Record<string, unknown>): Reply {
		const name = (body.tag as { name?: unknown } | undefined)?.name;
		const problem = this.tagNameProblem(name);
		if (problem) return problem;
		if (this.tags.size - SYSTEM_TAGS.size >= LIMITS.tagsPerAccount) {
			return { errcode: 45056, errmsg: `too many tag now, no need to add new rid: ${this.rid()}` };
		}
		const id = this.addTag(name as string);
		return { tag: { id, name } };
	}

	/** The tag a call names, or its errcode: 45058 for system tags, 45159 for unknown ones. */
	private existingTag(id: unknown): [number, Tag] | Reply {
		const tagId = Number(id);
		if (Number.isInteger(tagId) && tagId >= 0 && tagId <= 2) return { errcode: 45058, errmsg: `can't modify sys tag rid: ${this.rid()}` };
		const tag = this.tags.get(tagId);
		return tag ? [tagId, tag] : { errcode: 45159, errmsg: `invalid tag id rid: ${this.rid()}` };
	}

	private updateTag(body: Record<string, unknown>): Reply {
		const { id, name } = (body.tag ?? {}) as { id?: unknown; name?: unknown };
		const found = this.existingTag(id);
		if (!Array.isArray(found)) return found;
		const problem = this.tagNameProblem(name, found[0]);
		if (problem) return problem;
		found[1].name = name as string;
		return this.ok();
	}

	private deleteTag(body: Record<string, unknown>): Reply {
		const found = this.existingTag((body.tag as { id?: unknown } | undefined)?.id);
		if (!Array.isArray(found)) return found;
		if (found[1].members.length > LIMITS.deletableTagFollowers) {
			return { errcode: 45057, errmsg: `can't delete the tag that has too much fans rid: ${this.rid()}` };
		}
		this.tags.delete(found[0]);
		return this.ok();
	}

	private tagging(body: Record<string, unknown>, add: boolean): Reply {
		const openids = this.openidList(body.openid_list, LIMITS.taggingPerCall);
		if (!Array.isArray(openids)) return openids;
		const tag = this.tags.get(Number(body.tagid));
		if (!tag) return { errcode: 45159, errmsg: `invalid tag id rid: ${this.rid()}` };
		if (add) {
			// WeChat refuses the whole batch when one follower has no room for another tag.
			if (openids.some((openid) => !tag.memberSet.has(openid) && this.tagsOf(openid).length >= LIMITS.tagsPerFollower)) {
				return { errcode: 45059, errmsg: `fans has too many tag rid: ${this.rid()}` };
			}
			for (const openid of openids) {
				if (!tag.memberSet.has(openid)) {
					tag.memberSet.add(openid);
					tag.members.push(openid);
				}
			}
		} else {
			const removed = new Set(openids);
			for (const openid of removed) tag.memberSet.delete(openid);
			tag.members = tag.members.filter((openid) => !removed.has(openid));
		}
		return this.ok();
	}

	private tagFollowers(body: Record<string, unknown>, endShape: EndShape): Reply {
		const tag = this.tags.get(Number(body.tagid));
		if (!tag) return { errcode: 45159, errmsg: `invalid tag id rid: ${this.rid()}` };
		const page = cursorPage(tag.members, String(body.next_openid ?? ''), this.tagPageSize, endShape);
		if (!page) return this.invalidOpenid();
		// user/tag/get has no `total`.
		delete page.total;
		return page;
	}

	private getBlacklist(body: Record<string, unknown>, endShape: EndShape): Reply {
		return cursorPage(this.blacklist, String(body.begin_openid ?? ''), this.blacklistPageSize, endShape) ?? this.invalidOpenid();
	}

	private changeBlacklist(body: Record<string, unknown>, add: boolean): Reply {
		const openids = this.openidList(body.openid_list, LIMITS.blacklistPerCall);
		if (!Array.isArray(openids)) return openids;
		for (const openid of openids) {
			const index = this.blacklist.indexOf(openid);
			if (add && index < 0) this.blacklist.push(openid);
			if (!add && index >= 0) this.blacklist.splice(index, 1);
		}
		return this.ok();
	}

	private quota(body: Record<string, unknown>): Reply {
		const path = String(body.cgi_path ?? '');
		const dailyLimit = this.dailyLimits.get(path);
		if (dailyLimit === undefined) return { errcode: 76021, errmsg: `cgi_path not found, please check rid: ${this.rid()}` };
		const used = this.successfulCalls(path);
		return {
			errcode: 0,
			errmsg: 'ok',
			quota: { daily_limit: dailyLimit, used, remain: Math.max(0, dailyLimit - used) },
			rate_limit: { call_count: 100, refresh_second: 60 },
		};
	}
}

/**
 * One page of a cursor list, shaped like WeChat's (total, count, data.openid, next_openid) with
 * its end shapes; undefined when the cursor is not in the list (errcode 40003).
 */
export function cursorPage(list: { readonly length: number; slice(start: number, end: number): string[] }, cursor: string, pageSize: number, endShape: EndShape, indexOf?: (id: string) => number | undefined): Reply | undefined {
	let start = 0;
	if (cursor) {
		const index = indexOf ? indexOf(cursor) : (list as readonly string[]).indexOf(cursor);
		if (index === undefined || index < 0) return undefined;
		start = index + 1;
	}
	const total = list.length;
	if (total === 0) return { total: 0, count: 0 };
	const page = list.slice(start, start + pageSize);
	if (page.length === 0) return { total, count: 0, next_openid: '' };
	const isLast = start + page.length >= total;
	const next = isLast && endShape === 'empty-cursor' ? '' : page[page.length - 1];
	return { total, count: page.length, data: { openid: page }, next_openid: next };
}
