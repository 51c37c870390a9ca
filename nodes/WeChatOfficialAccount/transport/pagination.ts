import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { WeChatApiClient, WeChatApiRequest } from './request';
import { SeenIds } from './seenIds';

/** One page of a WeChat cursor list (followers, tag followers, blacklist). */
export interface CursorPage {
	ids: readonly string[];
	/** where the next page starts; empty when WeChat says there is none */
	nextCursor: string;
	/** how long WeChat says the whole list is, when it says */
	total?: number;
}

export interface CursorListPull {
	fetchPage(cursor: string): Promise<CursorPage>;
	/** resume point: the list continues after this ID; empty starts from the beginning */
	startAfter: string;
	/** stop as soon as this many IDs were emitted; undefined pulls the whole list */
	limit?: number;
	/**
	 * Receives each page's new IDs, in order, as soon as the page arrives. It may be async (to
	 * enrich the page); the IDs count as received once it resolves.
	 */
	emit(ids: string[]): void | Promise<void>;
	itemIndex: number;
	/** for messages: what the IDs are, e.g. "followers" */
	noun: string;
	/** for messages: the parameter that takes the resume point */
	resumeParameter: string;
	/**
	 * Whether what was received before a failure can reach the output (items under "On Error:
	 * Continue"); false for one file, which a failed pull never outputs: the error then points
	 * back to the pull's start, since resuming after the last ID would lose what came before.
	 */
	partialOutput?: boolean;
}

export interface CursorListProgress {
	received: number;
	pages: number;
	/** the last ID emitted, or the start point when none was */
	resumeAfter: string;
}

/**
 * Pages that bring no new ID in a row before the pull is declared stuck. A shifting list can
 * repeat a few IDs across pages; a list that only repeats is not advancing.
 */
const MAX_PAGES_WITHOUT_NEW_IDS = 3;

/**
 * Walks a cursor list to its end, emitting every ID exactly once.
 *
 * WeChat ends a list in several ways, all accepted: a page with an empty cursor, a page without
 * IDs (the `count: 0` page real servers send after echoing the last ID as cursor), or an empty
 * list. It never restarts from the beginning, drops empty IDs, skips IDs already emitted (the
 * list shifts while followers come and go), and stops with an error when a cursor comes back or
 * pages stop bringing new IDs, instead of looping. Any failure is reported with what was received
 * and where to resume.
 */
export async function pullCursorList(
	this: IExecuteFunctions,
	pull: CursorListPull,
): Promise<CursorListProgress> {
	const seen = new SeenIds();
	const usedCursors = new Set<string>();
	const progress: CursorListProgress = { received: 0, pages: 0, resumeAfter: pull.startAfter };
	if (pull.startAfter) seen.add(pull.startAfter);
	let cursor = pull.startAfter;
	let pagesWithoutNewIds = 0;

	try {
		for (;;) {
			usedCursors.add(cursor);
			const page = await pull.fetchPage(cursor);
			progress.pages++;
			if (progress.pages === 1 && typeof page.total === 'number') seen.reserve(Math.min(page.total, pull.limit ?? Infinity));

			const wanted = pull.limit === undefined ? Infinity : pull.limit - progress.received;
			const fresh: string[] = [];
			for (const id of page.ids) {
				if (fresh.length >= wanted) break;
				if (typeof id !== 'string' || id === '') continue;
				if (seen.add(id)) fresh.push(id);
			}
			if (fresh.length > 0) {
				await pull.emit(fresh);
				progress.received += fresh.length;
				progress.resumeAfter = fresh[fresh.length - 1];
				pagesWithoutNewIds = 0;
			} else {
				pagesWithoutNewIds++;
			}

			if (progress.received >= (pull.limit ?? Infinity)) break;
			if (page.ids.length === 0 || page.nextCursor === '') break;
			if (usedCursors.has(page.nextCursor)) {
				throw new NodeOperationError(
					this.getNode(),
					`WeChat sent the same ${pull.noun} cursor twice (${page.nextCursor}); stopped instead of looping`,
					{
						description: `The list did not advance. This can happen while many ${pull.noun} come and go during a pull; run it again.`,
						itemIndex: pull.itemIndex,
					},
				);
			}
			if (pagesWithoutNewIds >= MAX_PAGES_WITHOUT_NEW_IDS) {
				throw new NodeOperationError(
					this.getNode(),
					`WeChat sent ${MAX_PAGES_WITHOUT_NEW_IDS} pages in a row with no new ${pull.noun}; stopped instead of looping`,
					{
						description: `The list did not advance. This can happen while many ${pull.noun} come and go during a pull; run it again.`,
						itemIndex: pull.itemIndex,
					},
				);
			}
			cursor = page.nextCursor;
		}
	} catch (error) {
		throw withProgress(error, progress, pull);
	}
	return progress;
}

interface OpenidListPage extends IDataObject {
	total?: number;
	data?: { openid?: string[] };
	next_openid?: string;
}

/**
 * Pulls one of WeChat's OpenID lists (followers, followers of a tag, blacklist): pages of
 * `data.openid` with a `next_openid` cursor; `request` says how the cursor is sent.
 */
export async function pullOpenidList(
	this: IExecuteFunctions,
	client: WeChatApiClient,
	list: Omit<CursorListPull, 'fetchPage'> & { request(cursor: string): WeChatApiRequest },
): Promise<CursorListProgress> {
	return await pullCursorList.call(this, {
		...list,
		fetchPage: async (cursor) => {
			const page = await client.request<OpenidListPage>(list.request(cursor), list.itemIndex);
			return {
				ids: Array.isArray(page.data?.openid) ? page.data.openid : [],
				nextCursor: page.next_openid ?? '',
				total: page.total,
			};
		},
	});
}

/** Adds what a failed pull received and where to resume to its error, for the message and for error items. */
function withProgress(error: unknown, progress: CursorListProgress, pull: CursorListPull): unknown {
	if (!(error instanceof NodeApiError || error instanceof NodeOperationError) || progress.pages === 0) {
		return error;
	}
	if (pull.partialOutput === false) {
		const again = pull.startAfter ? `with "${pull.resumeParameter}" still ${pull.startAfter}` : 'from the start';
		const note =
			`Received ${progress.received} ${pull.noun} in ${progress.pages} page(s) before this error; ` +
			`no file is output for a failed pull, so run it again ${again}.`;
		error.description = error.description ? `${error.description} ${note}` : note;
		Object.assign(error.context, { received: 0, resumeAfter: pull.startAfter });
		return error;
	}
	const resume = progress.resumeAfter
		? `set "${pull.resumeParameter}" to ${progress.resumeAfter} to continue from there without repeats`
		: 'run the same pull again to start over';
	const note =
		`Received ${progress.received} ${pull.noun} in ${progress.pages} page(s) before this error ` +
		`(they are in the output only when the node's "On Error" setting continues). To resume, ${resume}.`;
	error.description = error.description ? `${error.description} ${note}` : note;
	Object.assign(error.context, {
		received: progress.received,
		resumeAfter: progress.resumeAfter,
	});
	return error;
}

/** One page of an offset list: its entries and the list's total as WeChat reports it. */
export interface OffsetPage<T> {
	entries: readonly T[];
	total: number;
}

export interface OffsetListPull<T> {
	/** the page of at most `count` entries starting at `offset` */
	fetchPage(offset: number, count: number): Promise<OffsetPage<T>>;
	/** WeChat's largest page for this list (20 for material, drafts and publications) */
	pageSize: number;
	/** stop as soon as this many entries were emitted; undefined pulls the whole list */
	limit?: number;
	/**
	 * The entry's identity (media_id, article_id, user_comment_id): an entry the list shifted
	 * into the next page while it changed is emitted once, not twice.
	 */
	keyOf(entry: T): string;
	emit(entries: T[]): void | Promise<void>;
	itemIndex: number;
	/** for messages: what the entries are, e.g. "drafts" */
	noun: string;
}

/**
 * Walks an offset list (material, drafts, publications, comments): pages of `pageSize` from
 * `offset`, asking for no more than the limit needs, each entry emitted once (by `keyOf`). It
 * ends at the total WeChat reports, on an empty page, or at the limit. The pages it may take are
 * bounded by the first answer (total / that page's length + 2): a list that has not ended by then
 * (it grows faster than it is read), or that brings nothing new three pages in a row, fails with
 * what was received instead of looping or stopping silently short. Returns how many entries it emitted.
 */
export async function pullOffsetList<T>(context: IExecuteFunctions, pull: OffsetListPull<T>): Promise<number> {
	const seen = new Set<string>();
	let offset = 0;
	let emitted = 0;
	let maxPages: number | undefined;
	let pagesWithoutNew = 0;
	for (let page = 1; ; page++) {
		const count = pull.limit === undefined ? pull.pageSize : Math.min(pull.pageSize, pull.limit - emitted);
		const { entries, total } = await pull.fetchPage(offset, count);
		maxPages ??= Math.ceil(total / Math.max(1, entries.length)) + 2;
		const fresh: T[] = [];
		for (const entry of entries) {
			if (pull.limit !== undefined && emitted + fresh.length >= pull.limit) break;
			const key = pull.keyOf(entry);
			if (seen.has(key)) continue;
			seen.add(key);
			fresh.push(entry);
		}
		if (fresh.length > 0) await pull.emit(fresh);
		emitted += fresh.length;
		offset += entries.length;
		pagesWithoutNew = fresh.length > 0 ? 0 : pagesWithoutNew + 1;
		if (entries.length === 0 || (pull.limit !== undefined && emitted >= pull.limit) || offset >= total) return emitted;
		if (page >= maxPages || pagesWithoutNew >= MAX_PAGES_WITHOUT_NEW_IDS) {
			throw new NodeOperationError(
				context.getNode(),
				`WeChat's list of ${pull.noun} did not end after ${page} pages (received ${emitted}, WeChat now counts ${total}); stopped instead of reading on`,
				{
					description: `The list grew while it was read, or WeChat sent pages shorter than asked. The ${emitted} ${pull.noun} received are in the output only when the node's "On Error" setting continues. Run the node again when the list changes less, or use a Limit.`,
					itemIndex: pull.itemIndex,
				},
			);
		}
	}
}
