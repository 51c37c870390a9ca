import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { limitOf, returnAllOrLimit } from '../../helpers/listParameters';
import { withIsoTimes } from '../../helpers/time';
import type { WeChatApiClient } from '../../transport/request';
import { pullOffsetList } from '../../transport/pagination';

/** WeChat's largest page of draft/batchget and freepublish/batchget ("取值在1到20之间"). */
export const PAGE_SIZE = 20;

/** Return All / Limit and whether to fetch each article's HTML. */
export function contentListProperties(noun: string): INodeProperties[] {
	return [
		...returnAllOrLimit,
		{
			displayName: 'Include Article HTML',
			name: 'includeContent',
			type: 'boolean',
			default: false,
			description: `Whether to return the HTML content of each article of the ${noun}; without it WeChat sends titles, covers and URLs only, which keeps long lists light`,
		},
	];
}

interface BatchGetResponse extends IDataObject {
	total_count?: number;
	item?: IDataObject[];
}

/**
 * Walks draft/batchget or freepublish/batchget: one output item per draft or publication,
 * { <id>, update_time, update_time_iso, article_count, news_item } (WeChat's `content.news_item`
 * lifted to the top). Asks for no more than the limit needs.
 */
export async function pullContentList(
	context: IExecuteFunctions,
	client: WeChatApiClient,
	itemIndex: number,
	output: INodeExecutionData[],
	list: { path: string; idField: 'media_id' | 'article_id' },
): Promise<void> {
	const noContent = context.getNodeParameter('includeContent', itemIndex, false) ? 0 : 1;
	await pullOffsetList<IDataObject>(context, {
		pageSize: PAGE_SIZE,
		itemIndex,
		noun: list.idField === 'media_id' ? 'drafts' : 'publications',
		keyOf: (entry) => String(entry[list.idField]),
		limit: limitOf(context, itemIndex),
		fetchPage: async (offset, count) => {
			const response = await client.request<BatchGetResponse>(
				{ method: 'POST', path: list.path, body: { offset, count, no_content: noContent } },
				itemIndex,
			);
			return { entries: Array.isArray(response.item) ? response.item : [], total: Number(response.total_count ?? 0) };
		},
		emit: (entries) => {
			for (const entry of entries) {
				const content = (entry.content ?? {}) as IDataObject;
				const articles = Array.isArray(content.news_item) ? (content.news_item as IDataObject[]) : [];
				const json: IDataObject = withIsoTimes({ [list.idField]: entry[list.idField], update_time: entry.update_time }, 'update_time');
				json.article_count = articles.length;
				json.news_item = articles;
				output.push({ json, pairedItem: { item: itemIndex } });
			}
		},
	});
}
