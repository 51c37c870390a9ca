/**
 * Comments on published articles (cgi-bin/comment/*): placeholder while it is built.
 * Publishing (content.ts) registers each published article here.
 */
type Reply = Record<string, unknown>;

export interface CommentsContext {
	now(): number;
	rid(): string;
}

export class SimulatedComments {
	constructor(private readonly context: CommentsContext) {}

	/** A publication went live: its `articleCount` articles (index 0..n-1) can take comments. */
	registerArticles(msgDataId: number, articleCount: number): void {
		void msgDataId;
		void articleCount;
	}

	/** The publication was deleted: its comments are gone. */
	removeArticles(msgDataId: number): void {
		void msgDataId;
	}

	route(_path: string, _body: Record<string, unknown>): Reply | undefined {
		void this.context;
		return undefined;
	}
}
