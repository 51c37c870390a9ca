/**
 * Comments on published articles (cgi-bin/comment/*), as WeChat's comment management API answers
 * them. Publishing (content.ts) registers each published article here: a publication's
 * `msg_data_id` with its articles at `index` 0..n-1 (0-based, as the comment API counts them).
 *
 * What the simulator does where WeChat's documentation is silent (assumed, see docs/comments.md):
 * - comments start open when a publication goes live; closing stops new comments only: listing,
 *   electing, replying and deleting keep working on a closed article;
 * - an index outside the publication is answered like an unknown publication (88001);
 * - a comment deleted by its author is 88004 for elect and reply; one deleted by the account is
 *   gone from the list and answered 88008 ("comment is not exists");
 * - deleting a reply that does not exist is 88009.
 */
type Reply = Record<string, unknown>;

export interface CommentsContext {
	now(): number;
	rid(): string;
}

export interface SimulatedComment {
	user_comment_id: number;
	/** absent for someone who commented without a WeChat identity */
	openid?: string;
	/** Unix seconds */
	create_time: number;
	content: string;
	elected: boolean;
	reply?: { content: string; create_time: number };
	deletedBy?: 'author' | 'account';
}

interface Article {
	open: boolean;
	comments: SimulatedComment[];
}

/**
 * The largest page comment/list serves. WeChat's English documentation refuses count > 50, its
 * current Chinese one count >= 50; no real answer confirming the stricter reading was found, so
 * the simulator refuses > 50 (the node asks for 49, safe under both).
 */
export const COMMENT_PAGE_SIZE = 50;
const COMMENT_PATHS = new Set([
	'/cgi-bin/comment/open',
	'/cgi-bin/comment/close',
	'/cgi-bin/comment/list',
	'/cgi-bin/comment/markelect',
	'/cgi-bin/comment/unmarkelect',
	'/cgi-bin/comment/delete',
	'/cgi-bin/comment/reply/add',
	'/cgi-bin/comment/reply/delete',
]);

export class SimulatedComments {
	/** false: every comment call answers 88000 (the account has no comment permission) */
	privilege = true;
	/** elected comments one article may have before markelect answers 88003 */
	maxElected = 100;
	/** longest reply WeChat takes, in characters, before 88007 (WeChat does not publish it) */
	maxReplyLength = 1000;
	/** msg_data_id → its articles, index 0..n-1 */
	private readonly publications = new Map<number, Article[]>();
	private nextCommentId = 1;

	constructor(private readonly context: CommentsContext) {}

	/** A publication went live: its `articleCount` articles (index 0..n-1) can take comments. */
	registerArticles(msgDataId: number, articleCount: number): void {
		this.publications.set(
			msgDataId,
			Array.from({ length: articleCount }, () => ({ open: true, comments: [] })),
		);
	}

	/** The publication was deleted: its comments are gone. */
	removeArticles(msgDataId: number): void {
		this.publications.delete(msgDataId);
	}

	/**
	 * A reader comments on an article (index 0-based); returns the user_comment_id. Throws when the
	 * article is unknown or its comments are closed, as WeChat's reader would show no comment box.
	 */
	addComment(msgDataId: number, index: number, comment: { openid?: string; content: string; createTime?: number }): number {
		const article = this.article(msgDataId, index);
		if (!article) throw new Error(`no article ${msgDataId}/${index}`);
		if (!article.open) throw new Error(`comments of ${msgDataId}/${index} are closed`);
		const id = this.nextCommentId++;
		article.comments.push({
			user_comment_id: id,
			...(comment.openid !== undefined ? { openid: comment.openid } : {}),
			create_time: comment.createTime ?? Math.floor(this.context.now() / 1000),
			content: comment.content,
			elected: false,
		});
		return id;
	}

	/** Adds `count` comments "comment 1".."comment n"; returns their IDs in order. */
	addComments(msgDataId: number, index: number, count: number): number[] {
		return Array.from({ length: count }, (_, i) =>
			this.addComment(msgDataId, index, { openid: `oCOMMENTER${String(i).padStart(18, '0')}`, content: `comment ${i + 1}` }),
		);
	}

	/** The author deletes their comment. */
	authorDeletes(msgDataId: number, index: number, commentId: number): void {
		const comment = this.find(msgDataId, index, commentId);
		if (comment) comment.deletedBy = 'author';
	}

	/** What the simulator holds for one comment (also deleted ones), for assertions. */
	comment(msgDataId: number, index: number, commentId: number): SimulatedComment | undefined {
		return this.find(msgDataId, index, commentId);
	}

	isOpen(msgDataId: number, index: number): boolean | undefined {
		return this.article(msgDataId, index)?.open;
	}

	route(path: string, body: Record<string, unknown>): Reply | undefined {
		if (!COMMENT_PATHS.has(path)) return undefined;
		const rid = this.context.rid();
		if (!this.privilege) return { errcode: 88000, errmsg: `without comment privilege rid: ${rid}` };
		const msgDataId = Number(body.msg_data_id);
		// "index: without it, the first article of the msg_data_id"
		const index = body.index === undefined ? 0 : Number(body.index);
		const article = this.article(msgDataId, index);
		if (!article) return { errcode: 88001, errmsg: `msg_data is not exists rid: ${rid}` };

		switch (path) {
			case '/cgi-bin/comment/open':
				article.open = true;
				return ok();
			case '/cgi-bin/comment/close':
				article.open = false;
				return ok();
			case '/cgi-bin/comment/list':
				return this.list(article, body, rid);
		}

		const comment = article.comments.find((candidate) => candidate.user_comment_id === Number(body.user_comment_id));
		if (!comment || comment.deletedBy === 'account') return { errcode: 88008, errmsg: `comment is not exists rid: ${rid}` };
		switch (path) {
			case '/cgi-bin/comment/markelect':
				if (comment.deletedBy === 'author') return { errcode: 88004, errmsg: `comment was deleted by user rid: ${rid}` };
				if (!comment.elected && article.comments.filter((candidate) => candidate.elected).length >= this.maxElected) {
					return { errcode: 88003, errmsg: `elected comment upper limit rid: ${rid}` };
				}
				comment.elected = true;
				return ok();
			case '/cgi-bin/comment/unmarkelect':
				comment.elected = false;
				return ok();
			case '/cgi-bin/comment/delete':
				comment.deletedBy = 'account';
				return ok();
			case '/cgi-bin/comment/reply/add': {
				if (comment.deletedBy === 'author') return { errcode: 88004, errmsg: `comment was deleted by user rid: ${rid}` };
				if (comment.reply) return { errcode: 88005, errmsg: `already reply rid: ${rid}` };
				const content = typeof body.content === 'string' ? body.content : '';
				if (content.length === 0 || [...content].length > this.maxReplyLength) {
					return { errcode: 88007, errmsg: `reply content beyond max len or content len is zero rid: ${rid}` };
				}
				comment.reply = { content, create_time: Math.floor(this.context.now() / 1000) };
				return ok();
			}
			case '/cgi-bin/comment/reply/delete':
				if (!comment.reply) return { errcode: 88009, errmsg: `reply is not exists rid: ${rid}` };
				delete comment.reply;
				return ok();
			default:
				return undefined;
		}
	}

	private list(article: Article, body: Record<string, unknown>, rid: string): Reply {
		const begin = Number(body.begin);
		const count = Number(body.count);
		const type = Number(body.type);
		if (!Number.isInteger(count) || count <= 0 || count > COMMENT_PAGE_SIZE) {
			return { errcode: 88010, errmsg: `count range error. cout <= 0 or count > 50 rid: ${rid}` };
		}
		if (!Number.isInteger(begin) || begin < 0 || ![0, 1, 2].includes(type)) {
			return { errcode: 47001, errmsg: `data format error rid: ${rid}` };
		}
		const visible = article.comments.filter(
			(comment) => comment.deletedBy !== 'account' && (type === 0 || (type === 1 ? !comment.elected : comment.elected)),
		);
		return {
			errcode: 0,
			errmsg: 'ok',
			total: visible.length,
			comment: visible.slice(begin, begin + count).map((comment) => ({
				user_comment_id: comment.user_comment_id,
				...(comment.openid !== undefined ? { openid: comment.openid } : {}),
				create_time: comment.create_time,
				content: comment.content,
				comment_type: comment.elected ? 1 : 0,
				...(comment.reply ? { reply: { ...comment.reply } } : {}),
			})),
		};
	}

	private article(msgDataId: number, index: number): Article | undefined {
		return Number.isInteger(index) ? this.publications.get(msgDataId)?.[index] : undefined;
	}

	private find(msgDataId: number, index: number, commentId: number): SimulatedComment | undefined {
		return this.article(msgDataId, index)?.comments.find((comment) => comment.user_comment_id === commentId);
	}
}

function ok(): Reply {
	return { errcode: 0, errmsg: 'ok' };
}
