/**
 * Drafts and publications of the simulated account (cgi-bin/draft/*, cgi-bin/freepublish/*):
 * placeholder while it is built.
 */
import type { SimulatedComments } from './comments';
import type { SimulatedMedia } from './media';

type Reply = Record<string, unknown>;

export interface ContentContext {
	media: SimulatedMedia;
	comments: SimulatedComments;
	now(): number;
	rid(): string;
}

export class SimulatedContent {
	constructor(private readonly context: ContentContext) {}

	route(_path: string, _body: Record<string, unknown>): Reply | undefined {
		void this.context;
		return undefined;
	}
}
