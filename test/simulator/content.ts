/**
 * Drafts and publications of the simulated account (cgi-bin/draft/*, cgi-bin/freepublish/*), with
 * WeChat's documented limits (title 32, author 16, digest 128 characters; up to 20 images in a
 * picture message) and its errcodes. Publishing is a job: freepublish/get answers "publishing"
 * (1) for `pollsBeforeOutcome` polls, then the outcome a test chose. A published draft leaves
 * the draft box ("上传到草稿箱中的素材被群发或发布后，该素材将从草稿箱中移除"); a failed one stays
 * there (not documented: assumed, so it can be fixed and published again).
 */
import type { SimulatedComments } from './comments';
import type { SimulatedMedia } from './media';

type Reply = Record<string, unknown>;
type Article = Record<string, unknown>;

export interface ContentContext {
	media: SimulatedMedia;
	comments: SimulatedComments;
	now(): number;
	rid(): string;
}

/** How a publishing job ends: published, one of WeChat's failures (2, 3, 4), or never (stays 1). */
export type PublishOutcome = { status: 0 } | { status: 2 | 3 | 4; failIdx?: number[] } | 'never';

export interface StoredDraft {
	articles: Article[];
	/** simulator clock, ms */
	updatedAt: number;
}

export interface PublishJob {
	publishId: string;
	mediaId: string;
	msgDataId: number;
	articles: Article[];
	pollsLeft: number;
	outcome: PublishOutcome;
	/** 1 while publishing, then the outcome; 5 once every article was deleted */
	status: number;
	articleId?: string;
	failIdx: number[];
}

export interface Publication {
	articleId: string;
	publishId: string;
	msgDataId: number;
	/** each with its url and is_deleted */
	articles: Article[];
	updatedAt: number;
}

const LIMITS = { articles: 8, title: 32, author: 16, digest: 128, images: 20 };

export class SimulatedContent {
	/** the draft box, by media_id, in creation order */
	readonly drafts = new Map<string, StoredDraft>();
	/** publishing jobs, by publish_id */
	readonly jobs = new Map<string, PublishJob>();
	/** published articles, by article_id, in publishing order */
	readonly publications = new Map<string, Publication>();
	/** polls of freepublish/get that answer "publishing" before a new job's outcome */
	pollsBeforeOutcome = 0;
	/** how new jobs end */
	publishOutcome: PublishOutcome = { status: 0 };
	/** false: freepublish/* answers 48001, as for an unverified account */
	canPublish = true;
	/**
	 * Quirks of draft/batchget and freepublish/batchget, for the paging guards: pages of at most
	 * `maxEntries` however many were asked for, and a total_count off by `totalDelta`.
	 */
	readonly listQuirks: { maxEntries?: number; totalDelta?: number } = {};
	/** drafts WeChat's publishing check refuses (53503) */
	readonly failingCheck = new Set<string>();
	private serial = 0;

	constructor(private readonly context: ContentContext) {}

	/** Seeds a draft directly, as if created with draft/add; returns its media_id. */
	putDraft(articles: Article[]): string {
		const mediaId = this.newId('DRF', 43);
		this.drafts.set(mediaId, { articles: articles.map((article) => ({ ...article })), updatedAt: this.context.now() });
		return mediaId;
	}

	/** Seeds a live publication directly, as if a draft had been published; returns its job. */
	putPublication(articles: Article[]): PublishJob {
		const mediaId = this.putDraft(articles);
		const [outcome, polls] = [this.publishOutcome, this.pollsBeforeOutcome];
		this.publishOutcome = { status: 0 };
		this.pollsBeforeOutcome = 0;
		const answer = this.submit(mediaId);
		[this.publishOutcome, this.pollsBeforeOutcome] = [outcome, polls];
		return this.jobs.get(answer.publish_id as string)!;
	}

	route(path: string, body: Record<string, unknown>): Reply | undefined {
		switch (path) {
			case '/cgi-bin/draft/add':
				return this.add(body.articles);
			case '/cgi-bin/draft/get':
				return this.get(body.media_id);
			case '/cgi-bin/draft/update':
				return this.update(body);
			case '/cgi-bin/draft/delete':
				return this.drafts.delete(String(body.media_id)) ? ok() : this.error(40007, 'invalid media_id');
			case '/cgi-bin/draft/batchget':
				return this.draftList(body);
			case '/cgi-bin/draft/count':
				return { total_count: this.drafts.size };
			case '/cgi-bin/freepublish/submit':
				return this.submit(body.media_id);
			case '/cgi-bin/freepublish/get':
				return this.status(body.publish_id);
			case '/cgi-bin/freepublish/batchget':
				return this.publishedList(body);
			case '/cgi-bin/freepublish/getarticle':
				return this.getArticle(body.article_id);
			case '/cgi-bin/freepublish/delete':
				return this.deletePublished(body);
			default:
				return undefined;
		}
	}

	private error(errcode: number, errmsg: string): Reply {
		return { errcode, errmsg: `${errmsg} rid: ${this.context.rid()}` };
	}

	private newId(prefix: string, length: number): string {
		this.serial++;
		const head = `${prefix}_${this.serial}_`;
		let tail = '';
		while (head.length + tail.length < length) tail += ID_ALPHABET[Math.floor(Math.random() * 64)];
		return head + tail;
	}

	/** WeChat's checks of one article, in a plausible order; undefined when it is accepted. */
	private articleProblem(article: unknown): Reply | undefined {
		if (typeof article !== 'object' || article === null) return this.error(44003, 'empty news data');
		const fields = article as Article;
		const type = fields.article_type ?? 'news';
		if (type !== 'news' && type !== 'newspic') return this.error(47003, 'argument invalid! article_type invalid');
		const text = (name: string) => (typeof fields[name] === 'string' ? (fields[name] as string) : '');
		if (!text('title') || !text('content')) return this.error(44003, 'empty news data');
		if ([...text('title')].length > LIMITS.title) return this.error(45003, 'title size out of limit');
		if ([...text('author')].length > LIMITS.author) return this.error(45110, 'author size out of limit');
		if ([...text('digest')].length > LIMITS.digest) return this.error(45004, 'description size out of limit');
		if (type === 'news') {
			if (!text('thumb_media_id')) return this.error(44003, 'empty news data');
			const thumb = this.context.media.get(text('thumb_media_id'));
			if (!thumb || thumb.kind !== 'permanent' || (thumb.type !== 'image' && thumb.type !== 'thumb')) {
				return this.error(40007, 'invalid media_id');
			}
		} else {
			const list = (fields.image_info as { image_list?: unknown } | undefined)?.image_list;
			if (!Array.isArray(list) || list.length === 0) return this.error(44003, 'empty news data');
			// Not documented: 45008 (too many) for more than 20 images here.
			if (list.length > LIMITS.images) return this.error(45008, 'article size out of limit');
			for (const image of list) {
				const id = (image as { image_media_id?: unknown } | null)?.image_media_id;
				const stored = typeof id === 'string' ? this.context.media.get(id) : undefined;
				if (!stored || stored.kind !== 'permanent' || stored.type !== 'image') return this.error(40007, 'invalid media_id');
			}
		}
		return undefined;
	}

	private add(articles: unknown): Reply {
		if (!Array.isArray(articles) || articles.length === 0) return this.error(44003, 'empty news data');
		if (articles.length > LIMITS.articles) return this.error(45008, 'article size out of limit');
		for (const article of articles) {
			const problem = this.articleProblem(article);
			if (problem) return problem;
		}
		return { media_id: this.putDraft(articles as Article[]) };
	}

	/** An article as WeChat reads it back: defaults filled in, a temporary preview url. */
	private readBack(mediaId: string, article: Article, index: number): Article {
		return {
			article_type: 'news',
			author: '',
			digest: '',
			content_source_url: '',
			need_open_comment: 0,
			only_fans_can_comment: 0,
			...article,
			url: `http://mp.weixin.qq.com/s?__biz=sim&tempkey=${mediaId}_${index}`,
		};
	}

	private get(mediaId: unknown): Reply {
		const draft = typeof mediaId === 'string' ? this.drafts.get(mediaId) : undefined;
		if (!draft) return this.error(40007, 'invalid media_id');
		return { news_item: draft.articles.map((article, index) => this.readBack(mediaId as string, article, index)) };
	}

	private update(body: Record<string, unknown>): Reply {
		const mediaId = String(body.media_id);
		const draft = this.drafts.get(mediaId);
		if (!draft) return this.error(40007, 'invalid media_id');
		const index = body.index;
		// Documented for draft/update: 40114 invalid index value.
		if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= draft.articles.length) {
			return this.error(40114, 'invalid index value');
		}
		const problem = this.articleProblem(body.articles);
		if (problem) return problem;
		draft.articles[index] = { ...(body.articles as Article) };
		draft.updatedAt = this.context.now();
		return ok();
	}

	/** offset/count as WeChat checks them (1..20; its errcode for others is not documented: 47003 here). */
	private page<T>(all: T[], body: Record<string, unknown>): T[] | Reply {
		const offset = Number(body.offset ?? 0);
		const count = Number(body.count);
		if (!Number.isInteger(offset) || offset < 0 || !Number.isInteger(count) || count < 1 || count > 20) {
			return this.error(47003, 'argument invalid! count invalid');
		}
		return all.slice(offset, offset + Math.min(count, this.listQuirks.maxEntries ?? count));
	}

	/** The total_count a list answer reports. */
	private reportedTotal(actual: number): number {
		return Math.max(0, actual + (this.listQuirks.totalDelta ?? 0));
	}

	private draftList(body: Record<string, unknown>): Reply {
		const all = [...this.drafts.entries()];
		const page = this.page(all, body);
		if (!Array.isArray(page)) return page;
		const item = page.map(([mediaId, draft]) => {
			const updateTime = Math.floor(draft.updatedAt / 1000);
			const articles = draft.articles.map((article, index) => withoutContent(this.readBack(mediaId, article, index), body.no_content));
			return { media_id: mediaId, content: { news_item: articles, create_time: updateTime, update_time: updateTime }, update_time: updateTime };
		});
		return { total_count: this.reportedTotal(all.length), item_count: item.length, item };
	}

	private submit(mediaId: unknown): Reply {
		if (!this.canPublish) return this.error(48001, 'api unauthorized');
		const draft = typeof mediaId === 'string' ? this.drafts.get(mediaId) : undefined;
		if (!draft) return this.error(40007, 'invalid media_id');
		if (this.failingCheck.has(mediaId as string)) return this.error(53503, '该草稿未通过发布检查');
		this.serial++;
		const publishId = String(2_247_500_000 + this.serial);
		const job: PublishJob = {
			publishId,
			mediaId: mediaId as string,
			msgDataId: 2_247_600_000 + this.serial,
			articles: draft.articles.map((article) => ({ ...article })),
			pollsLeft: this.pollsBeforeOutcome,
			outcome: this.publishOutcome,
			status: 1,
			failIdx: [],
		};
		this.jobs.set(publishId, job);
		if (job.pollsLeft === 0) this.finish(job);
		return { errcode: 0, errmsg: 'ok', publish_id: publishId, msg_data_id: job.msgDataId };
	}

	/** The job reaches its outcome: a success goes live (and leaves the draft box). */
	private finish(job: PublishJob): void {
		if (job.outcome === 'never') return;
		job.status = job.outcome.status;
		if (job.outcome.status !== 0) {
			job.failIdx = job.outcome.failIdx ?? [];
			return;
		}
		const articleId = this.newId('ART', 43);
		job.articleId = articleId;
		this.publications.set(articleId, {
			articleId,
			publishId: job.publishId,
			msgDataId: job.msgDataId,
			articles: job.articles.map((article) => ({ ...article, url: `https://mp.weixin.qq.com/s/${this.newId('s', 22)}`, is_deleted: false })),
			updatedAt: this.context.now(),
		});
		this.drafts.delete(job.mediaId);
		this.context.comments.registerArticles(job.msgDataId, job.articles.length);
	}

	private status(publishId: unknown): Reply {
		if (!this.canPublish) return this.error(48001, 'api unauthorized');
		const job = this.jobs.get(String(publishId));
		// WeChat's errcode for an unknown publish_id is not documented: 47003 here.
		if (!job) return this.error(47003, 'argument invalid! publish_id invalid');
		// `pollsBeforeOutcome` polls answer 1; the next one gives the outcome.
		if (job.status === 1 && job.outcome !== 'never') {
			if (job.pollsLeft > 0) job.pollsLeft--;
			else this.finish(job);
		}
		if (job.status === 1) return { publish_id: job.publishId, publish_status: 1, fail_idx: [] };
		if (job.status !== 0 && job.status !== 5 && job.status !== 6) {
			return { publish_id: job.publishId, publish_status: job.status, fail_idx: job.failIdx };
		}
		const publication = job.articleId ? this.publications.get(job.articleId) : undefined;
		const articles = publication?.articles ?? [];
		return {
			publish_id: job.publishId,
			publish_status: job.status,
			article_id: job.articleId,
			article_detail: { count: articles.length, item: articles.map((article, index) => ({ idx: index + 1, article_url: article.url })) },
			fail_idx: [],
		};
	}

	private publishedList(body: Record<string, unknown>): Reply {
		if (!this.canPublish) return this.error(48001, 'api unauthorized');
		const all = [...this.publications.values()];
		const page = this.page(all, body);
		if (!Array.isArray(page)) return page;
		const item = page.map((publication) => {
			const updateTime = Math.floor(publication.updatedAt / 1000);
			return {
				article_id: publication.articleId,
				content: { news_item: publication.articles.map((article) => withoutContent(published(article), body.no_content)), create_time: updateTime, update_time: updateTime },
				update_time: updateTime,
			};
		});
		return { total_count: this.reportedTotal(all.length), item_count: item.length, item };
	}

	private getArticle(articleId: unknown): Reply {
		if (!this.canPublish) return this.error(48001, 'api unauthorized');
		const publication = this.publications.get(String(articleId));
		if (!publication) return this.error(53600, 'Article ID 无效');
		return { news_item: publication.articles.map(published) };
	}

	private deletePublished(body: Record<string, unknown>): Reply {
		if (!this.canPublish) return this.error(48001, 'api unauthorized');
		const publication = this.publications.get(String(body.article_id));
		if (!publication) return this.error(53600, 'Article ID 无效');
		const index = body.index === undefined ? 0 : Number(body.index);
		// 1-based, 0 (or none) for all; WeChat's errcode for one out of range is not documented: 40114 here.
		if (!Number.isInteger(index) || index < 0 || index > publication.articles.length) return this.error(40114, 'invalid index value');
		if (index === 0) publication.articles.forEach((article) => (article.is_deleted = true));
		else publication.articles[index - 1].is_deleted = true;
		if (publication.articles.every((article) => article.is_deleted)) {
			this.publications.delete(publication.articleId);
			const job = this.jobs.get(publication.publishId);
			if (job) job.status = 5;
			this.context.comments.removeArticles(publication.msgDataId);
		}
		return ok();
	}
}

/** A published article as freepublish/getarticle and batchget show it. */
function published(article: Article): Article {
	return { author: '', digest: '', content_source_url: '', need_open_comment: 0, only_fans_can_comment: 0, ...article };
}

/** no_content: 1 leaves out each article's HTML (assumed: the documentation says "不返回 content 字段"). */
function withoutContent(article: Article, noContent: unknown): Article {
	if (Number(noContent) !== 1) return article;
	const { content: _content, ...rest } = article;
	return rest;
}

function ok(): Reply {
	return { errcode: 0, errmsg: 'ok' };
}

const ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
